using Minutes.Templating.TemplateModel;
using Scriban;
using Scriban.Runtime;

namespace Minutes.Templating.Tests.TemplateModel;

/// <summary>
/// A point of the template model is a <see cref="ModelObject"/>: a template must see it exactly as it sees a
/// <see cref="ScriptObject"/> with the same members set the same way. Each script runs against both and must give
/// the same text, or the same error.
/// </summary>
public sealed class ModelObjectTests
{
    private static readonly ModelShape Shape = new(["kind", "text", "by", "points", "number"]);

    [Theory]
    [InlineData("{{ point.kind }} {{ point.text }} [{{ point.by }}]")]
    [InlineData("{{ point.number }}")]
    [InlineData("{{ point.missing }}")]
    [InlineData("{{ point['text'] }} {{ point['by'] == null }}")]
    [InlineData("{{ point | object.keys | array.join ',' }}")]
    [InlineData("{{ point | object.values | array.size }}")]
    [InlineData("{{ point | object.has_key 'by' }} {{ point | object.has_key 'number' }} {{ point | object.has_value 'by' }} {{ point | object.has_value 'kind' }}")]
    [InlineData("{{ point | object.size }}")]
    [InlineData("{{ point.size }}")]
    [InlineData("{{ point | object.typeof }} {{ point | object.kind }}")]
    [InlineData("{{ for pair in point }}{{ pair.key }}={{ pair.value }};{{ end }}")]
    [InlineData("{{ point }}")]
    [InlineData("{{ point.by = 'VNG' }}{{ point.by }} {{ point | object.keys | array.join ',' }}")]
    [InlineData("{{ point.text = 'other' }}{{ point.text }}")]
    [InlineData("{{ point.extra = 1 }}{{ point.extra }} {{ point | object.keys | array.join ',' }} {{ point | object.size }}")]
    [InlineData("{{ point.number = 4 }}{{ point.number }} {{ point | object.keys | array.join ',' }}")]
    [InlineData("{{ with point }}{{ kind }} {{ by = 'x' }}{{ by }}{{ end }}")]
    [InlineData("{{ with point }}{{ text = 'x' }}{{ end }}")]
    [InlineData("{{ point.points | array.add 'a' | array.size }} {{ point.points.size }}")]
    [InlineData("{{ copy = point }}{{ copy.kind }} {{ copy == point }}")]
    [InlineData("{{ [point, point] | array.map 'kind' | array.join '+' }}")]
    [InlineData("{{ [point] | array.sort 'kind' | array.first | object.keys | array.size }}")]
    [InlineData("{{ point | object.default 'none' }}")]
    [InlineData("{{ point == empty }} {{ point != null }} {{ point.empty? }}")]
    public void A_template_sees_it_as_a_script_object(string script)
    {
        var expected = Run(script, Fill(new ScriptObject()));
        var actual = Run(script, Fill(new ModelObject(Shape)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Its_members_are_listed_in_the_shape_s_order_then_the_added_ones()
    {
        var value = new ModelObject(Shape);
        value.SetValue("number", 2, true);
        value.SetValue("kind", "agreement", true);
        value.SetValue("extra", "x", false);
        value.SetValue("text", "Agreed", true);

        Assert.Equal(["kind", "text", "number", "extra"], value.GetMembers());
        Assert.Equal(4, value.Count);
        Assert.True(value.Remove("text"));
        Assert.False(value.Contains("text"));
        Assert.Equal(["kind", "number", "extra"], value.Keys);
    }

    [Fact]
    public void A_deep_clone_owns_its_lists()
    {
        var value = Fill(new ModelObject(Shape));
        var clone = (ModelObject)value.Clone(true);
        ((ScriptArray)clone["points"]!).Add("added");
        clone.SetValue("by", "other", false);

        Assert.Empty((ScriptArray)value["points"]!);
        Assert.Null(value["by"]);
        Assert.Equal("statement", clone["kind"]);
    }

    [Fact]
    public void A_read_only_object_refuses_every_write()
    {
        var value = Fill(new ModelObject(Shape));
        value.IsReadOnly = true;

        Assert.ThrowsAny<Exception>(() => value.TrySetValue(null, default, "by", "x", false));
        Assert.ThrowsAny<Exception>(() => value.Remove("by"));
    }

    [Fact]
    public void Names_set_to_null_at_once_are_members_a_template_may_write()
    {
        var value = new ModelObject(Shape);
        value.SetValue("by", "VNG", true);
        value.SetValue("kind", "statement", true);
        value.SetNulls(Shape.SetOf(["by", "number"]));

        Assert.Equal(["kind", "by", "number"], value.GetMembers());
        Assert.Null(value["by"]);
        Assert.True(value.CanWrite("by"));
        Assert.False(value.CanWrite("kind"));
        Assert.Throws<ArgumentException>(() => Shape.SetOf(["owner"]));
    }

    [Fact]
    public void A_shape_s_names_are_distinct()
    {
        Assert.Throws<ArgumentException>(() => new ModelShape(["kind", "kind"]));
    }

    /// <summary>A statement as the builder sets one: its own names read-only, another kind's names null and writable, an empty list of points.</summary>
    private static T Fill<T>(T value)
        where T : IScriptObject
    {
        value.SetValue("kind", "statement", true);
        value.SetValue("text", "The chair opens the meeting.", true);
        value.SetValue("by", null, false);
        value.SetValue("points", new ScriptArray(), false);
        return value;
    }

    private static string Run(string script, IScriptObject point)
    {
        var template = Template.Parse(script);
        Assert.False(template.HasErrors, string.Join('\n', template.Messages));
        var globals = new ScriptObject();
        globals.SetValue("point", point, true);
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            return "error: " + ex.OriginalMessage;
        }
    }
}
