using System;
using System.Globalization;
using System.Text;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>
    /// The SHA-256 of an inventory model's values. The documents are a function of the model and the renderers, so a
    /// rebuild whose model hashes as the last one did, under the same renderers, would write the same bytes; hashing the
    /// values costs a fraction of rendering data-inventory.json to hash it, which every build that finds its documents
    /// current did before.
    /// </summary>
    /// <remarks>
    /// Every value is written with a tag (<c>s</c> string, <c>n</c> null, <c>t</c>/<c>f</c> bool, <c>i</c> int,
    /// <c>a</c> array, <c>r</c> record), strings and arrays with their length, in the records' declaration order: read
    /// against the model's shape the sequence has one parse, so two different models never write the same one.
    /// A property added to a record must be written here too; a test changes every value of the model in turn and
    /// fails on one that leaves the hash alone.
    /// </remarks>
    internal sealed class InventoryModelHash
    {
        /// <summary>How much text gathers before it is hashed; the buffer holds twice that.</summary>
        private const int HashAt = 8192;

        private readonly StringBuilder _text = new(2 * HashAt);
        private readonly TextSha256 _hash;

        private InventoryModelHash(TextSha256 hash)
        {
            _hash = hash;
        }

        public static string Sha256(InventoryModel model)
        {
            using var hash = new TextSha256();
            var writer = new InventoryModelHash(hash);
            writer.Write(model);
            hash.Append(writer._text);
            return hash.Finish();
        }

        private void Write(InventoryModel m)
        {
            Str(m.AssemblyName);
            Record(m.Processor, Write);
            Array(m.Purposes, Write);
            Array(m.Recipients, Write);
            Array(m.Assessments, Write);
            Array(m.DataTypes, Write);
            Array(m.Stores, Write);
            Array(m.CollectionPoints, Write);
            Array(m.CodeFacts, Write);
        }

        private void Write(ProcessorModel p)
        {
            Str(p.Name);
            Str(p.NameZh);
            Str(p.Contact);
            Str(p.Address);
            Str(p.ProtectionOfficer);
            Str(p.ProtectionOfficerContact);
            Str(p.Country);
            Str(p.AppType);
            Str(p.RepresentativeInChina);
        }

        private void Write(PurposeModel p)
        {
            Str(p.Id);
            Str(p.Description);
            Str(p.DescriptionZh);
            Str(p.LegalBasis);
            Str(p.BusinessFunction);
            Array(p.NecessaryCategories, Str);
            Str(p.Retention);
            Str(p.OnExpiry);
            Bool(p.Essential);
        }

        private void Write(RecipientModel r)
        {
            Str(r.Id);
            Str(r.Name);
            Str(r.Kind);
            Str(r.Contact);
            Array(r.Purposes, Str);
            Array(r.Categories, Str);
            Str(r.Country);
            Bool(r.CrossBorder);
            Str(r.Mechanism);
            Str(r.RightsProcedure);
            Array(r.Hosts, Str);
            Array(r.Namespaces, Str);
            Str(r.ContractReference);
        }

        private void Write(AssessmentModel a)
        {
            Str(a.Reference);
            Str(a.CompletedOn);
            Str(a.Scope);
        }

        private void Write(DataTypeModel t)
        {
            Str(t.TypeName);
            Str(t.Subject);
            Int(t.MinimumAge);
            Bool(t.GuardianConsent);
            Array(t.Purposes, Str);
            Array(t.SeparateConsents, Write);
            Record(t.Retention, Write);
            Bool(t.LocalOnly);
            Str(t.PublicDisclosure);
            Array(t.Items, Write);
        }

        private void Write(PiItemModel i)
        {
            Str(i.Member);
            Str(i.CategoryId);
            Str(i.CategoryNameEn);
            Str(i.CategoryNameZh);
            Bool(i.Sensitive);
            Str(i.GdprSpecialCategory);
            Str(i.Source);
            Str(i.Reason);
            Str(i.Protection);
            Str(i.ProtectionMechanism);
            Str(i.Subject);
            Array(i.Purposes, Str);
            Record(i.Retention, Write);
            Bool(i.LocalOnly);
            Array(i.SeparateConsents, Write);
        }

        private void Write(ConsentRequirementModel c)
        {
            Str(c.ConsentId);
            Str(c.Alternative);
        }

        private void Write(RetentionModel r)
        {
            Str(r.Period);
            Str(r.OnExpiry);
            Str(r.LegalRequirement);
        }

        private void Write(StoreModel s)
        {
            Str(s.Kind);
            Str(s.Name);
            Str(s.EntityType);
            Str(s.ReachedFrom);
        }

        private void Write(CollectionPointModel p)
        {
            Str(p.Id);
            Str(p.Kind);
            Str(p.Display);
            Array(p.Categories, Str);
            Array(p.Purposes, Str);
            Array(p.ReceivedTypes, Str);
        }

        private void Write(CodeFactModel f)
        {
            Str(f.Kind);
            Str(f.Code);
            Str(f.Value);
            Str(f.Detail);
        }

        private void Str(string? value)
        {
            if (value == null)
            {
                _text.Append('n');
                return;
            }

            if (_text.Length >= HashAt)
            {
                _hash.Append(_text);
                _text.Clear();
            }

            _text.Append('s').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        private void Bool(bool value) => _text.Append(value ? 't' : 'f');

        private void Int(int value) => _text.Append('i').Append(value.ToString(CultureInfo.InvariantCulture)).Append(';');

        private void Array<T>(EquatableArray<T> items, Action<T> write)
            where T : IEquatable<T>
        {
            _text.Append('a').Append(items.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
            foreach (var item in items)
            {
                write(item);
            }
        }

        private void Record<T>(T? record, Action<T> write)
            where T : class
        {
            if (record == null)
            {
                _text.Append('n');
                return;
            }

            _text.Append('r');
            write(record);
        }
    }
}
