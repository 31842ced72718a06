using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PrivacyByDesign.Analyzers.Generator;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>
/// A build whose model hashes as the last one did skips rendering its documents, so every value the documents are
/// rendered from must reach the hash, and no two models may write the same sequence.
/// </summary>
public class InventoryModelHashTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    [Fact]
    public void Every_value_of_the_model_changes_the_hash()
    {
        var changes = Changes(typeof(InventoryModel), "model", nullable: false).ToList();
        var hashes = new Dictionary<string, string> { [Hash(null)] = "(every value set)" };
        foreach (var change in changes)
        {
            string hash = Hash(change);
            Assert.False(hashes.TryGetValue(hash, out string? same), $"{change.Path} ({change.How}) hashes as {same}");
            hashes[hash] = $"{change.Path} ({change.How})";
        }

        // Every record of the model is reached: each of its values, each null a value may be, each empty array.
        Assert.True(changes.Count > 120, $"{changes.Count} changes");
        Assert.Contains(changes, c => c.Path == "model.DataTypes[0].Items[0].SeparateConsents[0].Alternative" && c.How == "null");
        Assert.Contains(changes, c => c.Path == "model.Processor" && c.How == "null");
    }

    [Fact]
    public void Equal_models_hash_the_same()
    {
        Assert.Equal(Hash(null), Hash(null));
        Assert.Equal(Hash(("model.Stores[0].Name", "value")), Hash(("model.Stores[0].Name", "value")));
    }

    [Fact]
    public void Values_do_not_run_into_each_other()
    {
        static string Store(string kind, string? name, string entity) => InventoryModelHash.Sha256(Model(stores: new[] { new StoreModel(kind, name!, entity, "") }));
        static string Categories(params string[] categories) => InventoryModelHash.Sha256(Model(points: new[] { new CollectionPointModel("p", "MinimalApi", "p", categories.ToEquatableArray(), EquatableArray<string>.Empty, EquatableArray<string>.Empty) }));

        Assert.NotEqual(Store("ab", "c", ""), Store("a", "bc", ""));
        Assert.NotEqual(Store("a", null, "b"), Store("a", "b", null!));
        Assert.NotEqual(Store("", null, ""), Store("", "", ""));
        Assert.NotEqual(Categories("ab", "c"), Categories("a", "bc"));
        Assert.NotEqual(Categories("a", "b"), Categories("b", "a"));
        Assert.NotEqual(Categories("s1:a"), Categories("a"));
    }

    /// <summary>The text is hashed in pieces as it grows: a change anywhere in a large model, early or late, must show.</summary>
    [Fact]
    public void A_change_anywhere_in_a_large_model_changes_the_hash()
    {
        static StoreModel[] Stores(int changed) => Enumerable.Range(0, 3000)
            .Select(i => new StoreModel("EF Core", "个人信息库😀", "Entity" + i, i == changed ? "Changed" : "Context.Set" + i)).ToArray();

        string unchanged = InventoryModelHash.Sha256(Model(stores: Stores(-1)));
        Assert.Equal(unchanged, InventoryModelHash.Sha256(Model(stores: Stores(-1))));
        Assert.NotEqual(unchanged, InventoryModelHash.Sha256(Model(stores: Stores(0))));
        Assert.NotEqual(unchanged, InventoryModelHash.Sha256(Model(stores: Stores(1500))));
        Assert.NotEqual(unchanged, InventoryModelHash.Sha256(Model(stores: Stores(2999))));
    }

    /// <summary>
    /// Text hashed in pieces hashes as its UTF-8 bytes whole, whatever the boundaries: Chinese text, and a character
    /// outside the basic plane straddling a piece's or a 4,096-character slice's boundary.
    /// </summary>
    [Theory]
    [InlineData(4095, 4096)]
    [InlineData(4096, 4096)]
    [InlineData(8191, 100_000)]
    [InlineData(999, 1000)]
    public void Text_hashed_in_pieces_hashes_as_its_bytes_whole(int surrogateAt, int pieceLength)
    {
        string text = new string('个', surrogateAt) + "😀" + new string('人', 5000);
        using var hash = new TextSha256();
        var piece = new StringBuilder(16);
        for (int start = 0; start < text.Length; start += pieceLength)
        {
            hash.Append(piece.Clear().Append(text, start, Math.Min(pieceLength, text.Length - start)));
        }

        Assert.Equal(TextSha256.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text))), hash.Finish());
    }

    private static InventoryModel Model(StoreModel[]? stores = null, CollectionPointModel[]? points = null) => new(
        "Clinic", null, EquatableArray<PurposeModel>.Empty, EquatableArray<RecipientModel>.Empty, EquatableArray<AssessmentModel>.Empty,
        EquatableArray<DataTypeModel>.Empty, (stores ?? Array.Empty<StoreModel>()).ToEquatableArray(),
        (points ?? Array.Empty<CollectionPointModel>()).ToEquatableArray(), EquatableArray<CodeFactModel>.Empty);

    private static string Hash((string Path, string How)? change) => InventoryModelHash.Sha256((InventoryModel)Build(typeof(InventoryModel), "model", change)!);

    /// <summary>
    /// Every change that makes another model: each string, int and bool to another value, each nullable value to null,
    /// each array to empty; found from the records' constructors, so a property added to the model is found too.
    /// </summary>
    private static IEnumerable<(string Path, string How)> Changes(Type type, string path, bool nullable)
    {
        if (nullable)
        {
            yield return (path, "null");
        }

        if (type == typeof(string) || type == typeof(int) || type == typeof(bool))
        {
            yield return (path, "value");
        }
        else if (ElementOf(type) is { } element)
        {
            yield return (path, "empty");
            foreach (var change in Changes(element, path + "[0]", nullable: false))
            {
                yield return change;
            }
        }
        else
        {
            foreach (var parameter in ConstructorOf(type).GetParameters())
            {
                foreach (var change in Changes(parameter.ParameterType, path + "." + parameter.Name, IsNullable(parameter)))
                {
                    yield return change;
                }
            }
        }
    }

    /// <summary>A model with every value set and every array holding one element, but for the one change.</summary>
    private static object? Build(Type type, string path, (string Path, string How)? change)
    {
        bool here = change?.Path == path;
        if (here && change!.Value.How == "null")
        {
            return null;
        }

        if (type == typeof(string))
        {
            return (here ? "changed " : "value ") + path;
        }

        if (type == typeof(int))
        {
            return here ? 2 : 1;
        }

        if (type == typeof(bool))
        {
            return !here;
        }

        if (ElementOf(type) is { } element)
        {
            var items = Array.CreateInstance(element, here ? 0 : 1);
            if (!here)
            {
                items.SetValue(Build(element, path + "[0]", change), 0);
            }

            return type.GetConstructor(new[] { element.MakeArrayType() })!.Invoke(new object[] { items });
        }

        var constructor = ConstructorOf(type);
        return constructor.Invoke(constructor.GetParameters().Select(p => Build(p.ParameterType, path + "." + p.Name, change)).ToArray());
    }

    private static Type? ElementOf(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) ? type.GetGenericArguments()[0] : null;

    private static ConstructorInfo ConstructorOf(Type record) => record.GetConstructors().Single();

    private static bool IsNullable(ParameterInfo parameter) => Nullability.Create(parameter).WriteState == NullabilityState.Nullable;
}
