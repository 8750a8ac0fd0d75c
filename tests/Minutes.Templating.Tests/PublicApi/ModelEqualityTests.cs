using System.Reflection;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;

namespace Minutes.Templating.Tests.PublicApi;

/// <summary>
/// The public data types compare by value, lists and picture bytes by content: two parses of the same file are
/// equal, and any changed field, however deep, makes them unequal. No public record is positional.
/// </summary>
public sealed class ModelEqualityTests
{
    private static readonly string KitchenSinkPath = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml");
    private static readonly string KitchenSink = File.ReadAllText(KitchenSinkPath);

    [Fact]
    public void Two_parses_of_the_same_file_are_equal()
    {
        var first = Parse(KitchenSink);
        var second = Parse(KitchenSink);

        Assert.NotSame(first, second);
        Assert.NotSame(first.Agenda, second.Agenda);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Theory]
    [InlineData("Sub point kilo.", "Sub point kilO.")] // a statement's sub-point
    [InlineData("Topic point mike.", "Topic point mikE.")] // a topic's point
    [InlineData("[Voter Quebec, Voter Romeo]", "[Voter Quebec, Voter Romeu]")] // a vote's list of names
    [InlineData("[Cell whiskey, 42]", "[Cell whiskey, 43]")] // a table cell
    [InlineData("[Column zulu, Column two]", "[Column zulu, Column 2]")] // a table header
    [InlineData("Footnote golf.", "Footnote golF.")] // a footnote inside inline text
    [InlineData("- Document Hotel", "- Document Hotels")] // an item's documents
    [InlineData("ORGD: Delta Organisation", "ORGD: Delta Organisations")] // an organisation
    [InlineData("- Plain Entry Person", "- Plain Entry Persons")] // an attendee
    [InlineData("present: Attending", "present: Attendees")] // a label override
    public void A_changed_field_anywhere_makes_them_unequal(string before, string after)
    {
        Assert.Contains(before, KitchenSink, StringComparison.Ordinal);
        var original = Parse(KitchenSink);
        var changed = Parse(KitchenSink.Replace(before, after, StringComparison.Ordinal));

        Assert.NotEqual(original, changed);
        Assert.True(original != changed);
    }

    [Fact]
    public void A_picture_compares_by_its_bytes_not_by_the_array_holding_them()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(KitchenSinkPath)!, "kitchen-sink.png"));
        var image = new ImageFile { Path = "a.png", Format = ImageFormat.Png, PixelWidth = 1, PixelHeight = 1, Data = bytes };
        var copy = image with { Data = bytes.ToArray() };
        var otherBytes = bytes.ToArray();
        otherBytes[^1] ^= 1;

        Assert.Equal(image, copy);
        Assert.Equal(image.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(image, image with { Data = otherBytes });
    }

    [Fact]
    public void A_list_given_to_the_model_is_copied_so_changing_it_later_changes_nothing()
    {
        var points = new List<Point> { new StatementPoint { Text = InlineText.Plain("One.") } };
        var item = new AgendaItem { Title = InlineText.Plain("Item"), Points = points };
        var same = new AgendaItem { Title = InlineText.Plain("Item"), Points = [new StatementPoint { Text = InlineText.Plain("One.") }] };

        points.Add(new StatementPoint { Text = InlineText.Plain("Two.") });

        Assert.Single(item.Points);
        Assert.Equal(same, item);
    }

    [Fact]
    public void Inline_pieces_compare_by_their_nested_content()
    {
        static InlineText Link(string text) => new([new LinkInline { Content = [new StrongInline { Content = [new TextInline { Text = text }] }], Url = "https://example.org/" }]);

        Assert.Equal(Link("here"), Link("here"));
        Assert.NotEqual(Link("here"), Link("there"));
        Assert.NotEqual<Inline>(new StrongInline { Content = [] }, new EmphasisInline { Content = [] });
    }

    /// <summary>Public records only: a positional record's constructor and Deconstruct break when a field is added.</summary>
    [Fact]
    public void No_public_record_is_positional()
    {
        var positional = PublicRecords()
            .Where(t => t.GetMethod("Deconstruct", BindingFlags.Public | BindingFlags.Instance) is not null)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(positional);
    }

    /// <summary>
    /// Every list or dictionary property of every public record compares by content, including one added later: two
    /// values holding different, empty list instances are equal (they are not when a list compares by reference).
    /// </summary>
    [Fact]
    public void Every_list_property_of_a_public_record_compares_by_content()
    {
        var checkedProperties = 0;
        foreach (var type in PublicRecords().Where(t => !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            foreach (var property in type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && IsCollection(p.PropertyType)))
            {
                var first = Activator.CreateInstance(type)!;
                var second = Activator.CreateInstance(type)!;
                property.SetValue(first, EmptyOf(property.PropertyType));
                property.SetValue(second, EmptyOf(property.PropertyType));
                Assert.True(first.Equals(second), $"{type.Name}.{property.Name} compares by reference");
                Assert.Equal(first.GetHashCode(), second.GetHashCode());
                checkedProperties++;
            }
        }

        Assert.True(checkedProperties >= 12, $"only {checkedProperties} list properties were found");
    }

    private static MinutesDocument Parse(string yaml)
    {
        var result = MinutesParser.Parse(yaml, KitchenSinkPath);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Document!;
    }

    private static IEnumerable<Type> PublicRecords() =>
        typeof(MinutesDocument).Assembly.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null));

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static object EmptyOf(Type type) => type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
        ? Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()))!
        : Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
}
