using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Redaction;
using Minutes.Templating.TemplateModel;
using Scriban.Runtime;

namespace Minutes.Templating.Tests.TemplateModel;

/// <summary>
/// How an attendee is displayed: the name, the details in brackets, on whose behalf; plain pieces side by side are one
/// piece (one run), markup and withheld names stay pieces of their own.
/// </summary>
public sealed class AttendeeDisplayTests
{
    /// <summary>
    /// The display of an absent attendee given in flow YAML, as its pieces joined by a middle dot: plain text as is,
    /// a withheld name as [text|ground], other markup by its type.
    /// </summary>
    private static string Pieces(string person, bool publication = false)
    {
        var parsed = MinutesParser.Parse($$"""
            language: en
            meeting: { body: Board, date: 2024-04-18 }
            attendees:
              present: [Chair]
              absent:
                - {{person}}
                - Second Entry
            agenda:
              - title: Opening
            """);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        var minutes = parsed.Document!;
        var marked = Redactions.Mark(minutes);
        var withheld = Withheld.Of(marked);
        var model = TemplateModelBuilder.Build(publication ? Publication.Prepare(marked, withheld) : marked, redaction: new RedactionView(publication, withheld.Grounds));
        var attendees = (ScriptObject)model["attendees"]!;
        var display = (InlineText)((IDictionary<string, object?>)((ScriptArray)attendees["absent"]!)[0]!)["display"]!;
        // The list's text: each display, then a comma and the next; plain pieces side by side are one.
        Assert.Equal(Show(display) + ", Second Entry", Show((InlineText)attendees["absent_text"]!));
        return Show(display);

        static string Show(InlineText text) => string.Join("·", text.Inlines.Select(inline => inline switch
        {
            TextInline plain => plain.Text,
            RedactionInline redaction => "[" + redaction.Text + "|" + redaction.Ground + "]",
            _ => "<" + inline.GetType().Name + ">",
        }));
    }

    [Theory]
    [InlineData("{ honorific: Dhr., name: Van der Burg, org: SJenV }", "Dhr. Van der Burg (SJenV)")]
    [InlineData("{ honorific: Dr, org: ORGA }", "Dr (ORGA)")]
    [InlineData("{ name: Ann, role: chair, note: '(online)' }", "Ann (chair, online)")]
    [InlineData("{ name: Ann, excused: true, note: treasurer }", "Ann (with apologies, treasurer)")]
    [InlineData("{ org: VNG, excused: false }", "(VNG, without notice)")]
    [InlineData("{ name: Bob, on_behalf_of: Carl }", "Bob on behalf of Carl")]
    [InlineData("{ org: VNG, on_behalf_of: Carl }", "(VNG) on behalf of Carl")]
    [InlineData("{ name: Ann, note: '**treasurer**' }", "Ann (·<StrongInline>·)")]
    [InlineData("{ name: Jan Jansen, org: SZW, redact: 5.1.2e }", "[Jan Jansen|5.1.2e]· (SZW)")]
    [InlineData("{ org: SZW, redact: 5.1.2e }", "[|5.1.2e]· (SZW)")]
    [InlineData("{ name: Ann, note: 'met [[Piet Pieters|5.1.2e]]' }", "Ann (met ·[Piet Pieters|5.1.2e]·)")]
    public void The_internal_version_displays(string person, string pieces) => Assert.Equal(pieces, Pieces(person));

    [Theory]
    [InlineData("{ honorific: Dhr., name: Jan Jansen, org: SZW, redact: 5.1.2e }", "[5.1.2e|5.1.2e]· (SZW)")]
    [InlineData("{ name: Ann, note: 'met [[Piet Pieters|5.1.2e]]' }", "Ann (met ·[5.1.2e|5.1.2e]·)")]
    public void The_publication_displays(string person, string pieces) => Assert.Equal(pieces, Pieces(person, publication: true));
}
