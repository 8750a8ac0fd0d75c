using System.Globalization;
using Minutes.Templating.Model;
using Scriban.Runtime;

namespace Minutes.Templating.TemplateModel;

/// <summary>What templates see of tables, images and votes.</summary>
internal sealed partial class TemplateModelBuilder
{
    /// <summary>The keys every point has for the rich forms (null where they do not apply).</summary>
    /// <summary>The names every point has, null until its kind sets them.</summary>
    private static readonly string[] NullPointKeys = ["by", "owner", "owner_name", "due", "due_text", "vote", "table", "caption", "header", "rows", "image", "alt", "width_cm"];

    /// <summary>The names of the other kinds of point, null in every point until its own kind's are set.</summary>
    private static readonly ulong NullPointNames = ModelNames.Point.Shape.SetOf(NullPointKeys);

    private static void SetTable(ModelObject value, TablePoint table)
    {
        var header = new ScriptArray();
        foreach (var cell in table.Header)
        {
            header.Add(cell.Text);
        }

        var rows = new ScriptArray();
        foreach (var row in table.Rows)
        {
            var cells = new ScriptArray();
            foreach (var cell in row)
            {
                cells.Add(cell.Text);
            }

            rows.Add(cells);
        }

        value.SetValue("table", new TableValue(table), true);
        value.SetValue("caption", table.Caption, true);
        value.SetValue("header", header, true);
        value.SetValue("rows", rows, true);
    }

    private static void SetImage(ModelObject value, ImagePoint image)
    {
        value.SetValue("image", new ImageValue(image), true);
        value.SetValue("alt", image.Alt, true);
        value.SetValue("caption", image.Caption, true);
        value.SetValue("width_cm", image.WidthCentimetres, true);
    }

    private ModelObject? BuildVote(Vote? vote)
    {
        if (vote is null)
        {
            return null;
        }

        var result = vote.Result switch
        {
            VoteResult.Unanimous => "unanimous",
            VoteResult.Rejected => "rejected",
            _ => "carried",
        };
        var value = NewObject(ModelNames.Vote);
        value.SetValue("for_count", vote.For, true);
        value.SetValue("against_count", vote.Against, true);
        value.SetValue("abstain_count", vote.Abstain, true);
        value.SetValue("for_by", Texts(vote.ForBy), true);
        value.SetValue("against_by", Texts(vote.AgainstBy), true);
        value.SetValue("abstain_by", Texts(vote.AbstainBy), true);
        value.SetValue("result", result, true);
        value.SetValue("result_text", _labels["vote_" + result], true);
        value.SetValue("text", VoteText(vote, result), true);
        return value;

        static ScriptArray Texts(IReadOnlyList<InlineText> texts)
        {
            var list = new ScriptArray(texts.Count);
            foreach (var text in texts)
            {
                list.Add(text);
            }

            return list;
        }
    }

    /// <summary>
    /// The vote as a sentence in the document's language: "Aangenomen met 21 stemmen voor en 8 tegen
    /// (tegen: VVD)", "Carried, 21 for, 8 against (against: VVD)", "Met algemene stemmen aangenomen".
    /// Names keep their markup, so a withheld name stays withheld.
    /// </summary>
    private InlineText VoteText(Vote vote, string result)
    {
        var inlines = new List<Inline>();
        var resultText = _labels["vote_" + result];
        if (vote.Result != VoteResult.Unanimous && vote.For is { } votesFor && vote.Against is { } votesAgainst)
        {
            var pattern = vote.Abstain is > 0 ? _labels["vote_counts_abstain"] : _labels["vote_counts"];
            var sentence = pattern
                .Replace("{result}", resultText, StringComparison.Ordinal)
                .Replace("{for}", Count(votesFor), StringComparison.Ordinal)
                .Replace("{against}", Count(votesAgainst), StringComparison.Ordinal)
                .Replace("{abstain}", Count(vote.Abstain ?? 0), StringComparison.Ordinal)
                .Replace("{votes}", _labels[votesFor == 1 ? "vote_votes_one" : "vote_votes_many"], StringComparison.Ordinal);
            inlines.Add(new TextInline { Text = sentence });
        }
        else
        {
            inlines.Add(new TextInline { Text = resultText });
        }

        var sides = new List<(string Label, IReadOnlyList<InlineText> Names)>
        {
            (_labels["vote_for"], vote.ForBy),
            (_labels["vote_against"], vote.AgainstBy),
            (_labels["vote_abstain"], vote.AbstainBy),
        }.Where(s => s.Names.Count > 0).ToList();
        if (sides.Count > 0)
        {
            inlines.Add(new TextInline { Text = " (" });
            for (var i = 0; i < sides.Count; i++)
            {
                inlines.Add(new TextInline { Text = (i > 0 ? "; " : string.Empty) + sides[i].Label + ": " });
                for (var n = 0; n < sides[i].Names.Count; n++)
                {
                    if (n > 0)
                    {
                        inlines.Add(new TextInline { Text = ", " });
                    }

                    inlines.AddRange(sides[i].Names[n].Inlines);
                }
            }

            inlines.Add(new TextInline { Text = ")" });
        }

        return new InlineText(inlines);

        string Count(int count) => count.ToString("N0", _culture);
    }
}

/// <summary>A <c>table:</c> point as a value: a template writes it, alone in a paragraph, as a Word table.</summary>
/// <param name="Table">The table.</param>
internal sealed record TableValue(TablePoint Table)
{
    /// <inheritdoc />
    public override string ToString() => Table.Caption?.ToString() ?? string.Empty;
}

/// <summary>An <c>image:</c> point as a value: a template writes it as the embedded picture.</summary>
/// <param name="Image">The image point.</param>
internal sealed record ImageValue(ImagePoint Image)
{
    /// <inheritdoc />
    public override string ToString() => Image.Alt.ToString();
}
