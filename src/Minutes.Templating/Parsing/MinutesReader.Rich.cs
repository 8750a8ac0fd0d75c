using System.Globalization;
using System.Text.RegularExpressions;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;

namespace Minutes.Templating.Parsing;

/// <summary>The rich point forms: <c>table:</c>, <c>image:</c>, and a decision's or agreement's <c>vote:</c>.</summary>
internal sealed partial class MinutesReader
{
    private static readonly string[] TablePointKeys = ["table"];
    private static readonly string[] TableKeys = ["caption", "header", "rows"];
    private static readonly string[] ImagePointKeys = ["image", "alt", "caption", "width"];
    private static readonly string[] VoteKeys = ["for", "against", "abstain", "for_by", "against_by", "abstain_by", "result"];

    private static readonly (string Name, VoteResult Value)[] VoteResults =
        [("carried", VoteResult.Carried), ("rejected", VoteResult.Rejected), ("unanimous", VoteResult.Unanimous)];

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(cm|mm|in)$", RegexOptions.CultureInvariant)]
    private static partial Regex Length();

    private TablePoint? ReadTable(SourceMapping point)
    {
        if (Value(point, "table") is not { } node || AsMapping(node, "table") is not { } map)
        {
            return null;
        }

        CheckKeys(map, TableKeys, "table");
        var header = Value(map, "header") is { } headerNode ? ReadRow(headerNode, "header") : null;
        var rows = new List<IReadOnlyList<TableCell>>();
        if (Require(map, "rows", "this table") is { } rowsNode && AsSequence(rowsNode, "rows") is { } list)
        {
            var width = header?.Count;
            var widthFrom = "the header";
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (ReadRow(list.Items[i], "row") is not { } row)
                {
                    continue;
                }

                if (width is null)
                {
                    width = row.Count;
                    widthFrom = "the first row";
                }
                else if (row.Count != width)
                {
                    var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                    Error(
                        DiagnosticCodes.TableShape,
                        $"row {number} of this table has {Cells(row.Count)}, but {widthFrom} has {Cells(width.Value)}; every row must be as long as {widthFrom}",
                        list.Items[i].Location);
                }

                rows.Add(row);
            }
        }

        return new TablePoint { Caption = ReadText(map, "caption"), Header = header ?? [], Rows = rows };

        static string Cells(int count) => count == 1 ? "1 cell" : count.ToString(CultureInfo.InvariantCulture) + " cells";
    }

    private List<TableCell>? ReadRow(SourceNode node, string key)
    {
        if (AsSequence(node, key) is not { } list)
        {
            return null;
        }

        var cells = new List<TableCell>(list.Items.Count);
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case SourceScalar { Kind: ScalarKind.Null }:
                    cells.Add(new TableCell { Text = InlineText.Empty });
                    break;
                case SourceScalar { Kind: ScalarKind.Int or ScalarKind.Float } number:
                    cells.Add(new TableCell { Text = InlineText.Plain(number.Value.Trim()), IsNumber = true });
                    break;
                case SourceScalar { Kind: ScalarKind.String } text:
                    cells.Add(new TableCell { Text = ReadTextMayBeEmpty(text, "cell") ?? InlineText.Empty });
                    break;
                default:
                    WrongType(item, "a table cell", "text or a number");
                    cells.Add(new TableCell { Text = InlineText.Empty });
                    break;
            }
        }

        return cells;
    }

    private ImagePoint? ReadImage(SourceMapping map)
    {
        var path = ReadString(map, "image");
        var alt = Require(map, "alt", "this image (a text alternative for those who cannot see it)") is { } altNode ? ReadText(altNode, "alt", "'alt' is empty; describe what the picture shows, for those who cannot see it") : null;

        double? width = null;
        if (ReadString(map, "width") is { } widthText && map.TryGet("width", out _, out var widthNode))
        {
            var match = Length().Match(widthText.Trim());
            var value = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var centimetres = match.Groups[2].Value switch
            {
                "mm" => value / 10,
                "in" => value * 2.54,
                _ => value,
            };
            if (centimetres is <= 0 or > 100)
            {
                Error(DiagnosticCodes.InvalidValue, $"'width: {widthText}' is not a width; write it in cm, mm or in, for example 12cm", widthNode.Location);
            }
            else
            {
                width = centimetres;
            }
        }

        var caption = ReadText(map, "caption");
        if (path is null || !map.TryGet("image", out _, out var pathNode))
        {
            return null;
        }

        string folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(_file)) ?? Directory.GetCurrentDirectory();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            folder = Directory.GetCurrentDirectory();
        }

        var outcome = ImageReader.Read(path.Trim(), folder);
        if (outcome.Image is not { } image)
        {
            Error(outcome.Code!, outcome.Message!, pathNode.Location);
            return null;
        }

        return alt is null ? null : new ImagePoint { Image = image, Alt = alt, Caption = caption, WidthCentimetres = width };
    }

    private Vote? ReadVote(SourceNode node)
    {
        if (AsMapping(node, "vote") is not { } map)
        {
            return null;
        }

        CheckKeys(map, VoteKeys, "vote");
        var (forCount, forNames) = ReadVoteSide(map, "for");
        var (againstCount, againstNames) = ReadVoteSide(map, "against");
        var (abstainCount, abstainNames) = ReadVoteSide(map, "abstain");
        var result = ReadEnum(map, "result", VoteResults);

        if (result is null && forCount is null && againstCount is null && map.IsComplete)
        {
            Error(DiagnosticCodes.InvalidVote, "this vote has no 'for' or 'against' to count and no 'result'; give the counts, the names, or the result", map.Location);
        }

        var derived = (againstCount ?? 0) == 0 && (forCount ?? 0) > 0
            ? VoteResult.Unanimous
            : (forCount ?? 0) > (againstCount ?? 0) ? VoteResult.Carried : VoteResult.Rejected;
        if (result == VoteResult.Unanimous && againstCount > 0 && map.TryGet("result", out _, out var resultNode))
        {
            Error(DiagnosticCodes.InvalidVote, $"'result: unanimous' but {againstCount.Value.ToString(CultureInfo.InvariantCulture)} voted against; unanimous means nobody voted against", resultNode.Location);
        }

        return new Vote
        {
            For = forCount,
            Against = againstCount,
            Abstain = abstainCount,
            ForBy = forNames,
            AgainstBy = againstNames,
            AbstainBy = abstainNames,
            Result = result ?? derived,
        };
    }

    /// <summary>One side of a vote: <c>for: 21</c>, <c>for: [GL, D66]</c>, and <c>for_by: [GL, D66]</c> with a count.</summary>
    private (int? Count, List<InlineText> Names) ReadVoteSide(SourceMapping map, string key)
    {
        int? count = null;
        List<InlineText>? names = null;
        if (Value(map, key) is { } node)
        {
            switch (node)
            {
                case SourceSequence:
                    names = ReadVoteNames(node, key);
                    count = names.Count;
                    break;
                case SourceScalar { Kind: ScalarKind.Int } scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                    if (value < 0)
                    {
                        Error(DiagnosticCodes.InvalidVote, $"'{key}: {scalar.Value}' is a negative count of votes; a count is 0 or more", scalar.Location);
                    }
                    else if (value > int.MaxValue)
                    {
                        Error(DiagnosticCodes.InvalidVote, $"'{key}: {scalar.Value}' is more votes than can be counted", scalar.Location);
                    }
                    else
                    {
                        count = (int)value;
                    }

                    break;
                default:
                    WrongType(node, $"'{key}'", "a count of votes (0 or more) or a list of who voted so");
                    break;
            }
        }

        if (Value(map, key + "_by") is { } byNode)
        {
            if (names is not null)
            {
                Error(DiagnosticCodes.InvalidVote, $"the names of '{key}' are given twice, in '{key}' and in '{key}_by'; give a count in '{key}' and the names in '{key}_by', or only the names in '{key}'", byNode.Location);
            }
            else
            {
                names = ReadVoteNames(byNode, key + "_by");
            }
        }

        return (count, names ?? []);
    }

    private List<InlineText> ReadVoteNames(SourceNode node, string key)
    {
        var names = new List<InlineText>();
        if (AsSequence(node, key) is { } list)
        {
            var entry = "an entry of '" + key + "'";
            var whenEmpty = $"an entry of '{key}' is empty; name who voted so, or leave the entry out";
            foreach (var item in list.Items)
            {
                if (ReadText(item, entry, whenEmpty) is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
