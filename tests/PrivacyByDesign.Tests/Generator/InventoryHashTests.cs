using System.Security.Cryptography;
using System.Text;
using PrivacyByDesign.Analyzers.Documents;
using PrivacyByDesign.Analyzers.Generator;
using PrivacyByDesign.Tool;

namespace PrivacyByDesign.Tests.Generator;

/// <summary>
/// Builds that find their documents current hash data-inventory.json as it is written, in pieces, without keeping it:
/// the hash must be that of the file a build writes.
/// </summary>
public class InventoryHashTests
{
    [Fact]
    public void A_draining_writer_hands_over_exactly_the_text_a_keeping_writer_keeps()
    {
        string kept = WriteLargeDocument(new JsonWriter()).Finish().ToString();

        var handedOver = new StringBuilder();
        int pieces = 0;
        var draining = WriteLargeDocument(new JsonWriter(piece => { pieces++; handedOver.Append(piece); }));
        var rest = draining.Finish();

        Assert.Equal(kept, handedOver.ToString());
        Assert.True(pieces > 10, $"the document went over in {pieces} pieces");
        Assert.Equal(0, rest.Length);
    }

    [Fact]
    public void The_inventory_hash_is_the_hash_of_the_data_inventory_a_build_writes()
    {
        using var folder = new TempFolder();
        GeneratorHost.Run(GeneratorHost.Compile(GeneratorSources.Declarations, GeneratorSources.Models), folder.Out);
        byte[] written = File.ReadAllBytes(Path.Combine(folder.Out, DocumentSet.InventoryFileName));
        string json = Encoding.UTF8.GetString(written);
        var facts = new InventoryFacts(InventoryJsonReader.Read(json));

        // The writer hands over a piece whenever it holds 8,192 characters.
        Assert.True(json.Length > 2 * 8192, $"{json.Length} characters: large enough to be hashed in several pieces");
        Assert.Equal(TextSha256.Hex(SHA256.HashData(written)), InventoryJsonRenderer.Sha256(facts));
    }

    private static JsonWriter WriteLargeDocument(JsonWriter writer)
    {
        writer.BeginObject().BeginArray("items");
        for (int i = 0; i < 2000; i++)
        {
            writer.BeginObject().Prop("id", i).Prop("name", "个人信息 \"quoted\" 😀 " + i).Prop("sensitive", i % 3 == 0)
                .Strings("purposes", new[] { "registration", "支付" }).EndObject();
        }

        return writer.EndArray().EndObject();
    }
}
