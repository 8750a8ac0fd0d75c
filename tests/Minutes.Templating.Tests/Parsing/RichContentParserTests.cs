using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Tests.Cli;
using static Minutes.Templating.Tests.Parsing.ParserAssert;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>Footnotes, tables, images and votes: read into the model, and every mistake reported with its place.</summary>
public sealed class RichContentParserTests
{
    /// <summary>The smallest valid PNG: 1 × 1 pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A 16 × 16 pixel JPEG.</summary>
    private static readonly byte[] Jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z");

    private static string WithPoints(string points) =>
        MinimalHead + "agenda:\n  - title: Item\n    points:\n" + string.Join('\n', points.Split('\n').Select(l => "      " + l)) + "\n";

    [Fact]
    public void Footnote_becomes_a_footnote_inline_whose_text_is_inline_text()
    {
        var text = InlineMarkdown.Parse("Stijgt met 4%^[Exclusief **onvoorzien**, zie [[Jan Jansen|5.1.2e]].] ten opzichte van 2023.");

        Assert.Equal("Stijgt met 4% ten opzichte van 2023.", text.ToString());
        var footnote = Assert.IsType<FootnoteInline>(text.Inlines[1]);
        Assert.Equal(
            [new TextInline { Text = "Exclusief " }, new StrongInline { Content = [new TextInline { Text = "onvoorzien" }] }, new TextInline { Text = ", zie " }, new RedactionInline { Text = "Jan Jansen", Ground = "5.1.2e" }, new TextInline { Text = "." }],
            footnote.Content);
        Assert.True(text.HasRedactions);
    }

    [Fact]
    public void Escaped_or_unclosed_footnote_marks_are_text()
    {
        Assert.Equal([new TextInline { Text = "a^[b] c" }], InlineMarkdown.Parse("a\\^[b] c").Inlines);
        Assert.Equal([new TextInline { Text = "a ^[b c" }], InlineMarkdown.Parse("a ^[b c").Inlines);
    }

    [Fact]
    public void Footnote_in_a_footnote_and_an_empty_footnote_are_located_errors()
    {
        var result = MinutesParser.Parse(WithPoints("- \"Eén^[twee^[drie]] en vier^[ ]\""), "test.yaml");

        Assert.Equal(
            [(DiagnosticCodes.InvalidInlineMarkup, 7, 19), (DiagnosticCodes.InvalidInlineMarkup, 7, 35)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Contains("cannot hold another footnote", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("has no text", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_has_caption_header_and_rows_with_numbers_kept_as_written()
    {
        var points = Points("- table:\n    caption: Stemming per fractie\n    header: [Fractie, Voor, Tegen]\n    rows:\n      - [GroenLinks, 4, 0]\n      - [\"**VVD**\", 0, 3.5]");

        var table = Assert.IsType<TablePoint>(Assert.Single(points));
        Assert.Equal("Stemming per fractie", table.Caption!.ToString());
        Assert.Equal(["Fractie", "Voor", "Tegen"], table.Header.Select(c => c.Text.ToString()));
        Assert.Equal([false, true, true], table.Rows[0].Select(c => c.IsNumber));
        Assert.Equal("3.5", table.Rows[1][2].Text.ToString());
        Assert.IsType<StrongInline>(table.Rows[1][0].Text.Inlines[0]);
    }

    [Fact]
    public void Row_longer_than_the_header_is_reported_at_the_row()
    {
        var diagnostic = Single(
            WithPoints("- table:\n    header: [Fractie, Voor]\n    rows:\n      - [GroenLinks, 4]\n      - [VVD, 0, 3]"),
            DiagnosticCodes.TableShape,
            11,
            15);

        Assert.Equal("row 2 of this table has 3 cells, but the header has 2 cells; every row must be as long as the header", diagnostic.Message);
    }

    [Fact]
    public void Rows_without_a_header_are_as_long_as_the_first()
    {
        Single(WithPoints("- table:\n    rows:\n      - [a, b]\n      - [c]"), DiagnosticCodes.TableShape, 10, 15);
    }

    [Fact]
    public void Image_is_read_from_beside_the_minutes_with_its_size()
    {
        using var folder = new TempDirectory();
        File.WriteAllBytes(folder.Write("images/x.png", string.Empty), Png);
        var path = folder.Write("minutes.yaml", WithPoints("- image: images/x.png\n  alt: Een punt\n  caption: Klein\n  width: 25mm"));

        var result = MinutesParser.ParseFile(path);

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var image = Assert.IsType<ImagePoint>(Assert.Single(result.Document!.Agenda[0].Points));
        Assert.Equal(("images/x.png", ImageFormat.Png, 1, 1), (image.Image.Path, image.Image.Format, image.Image.PixelWidth, image.Image.PixelHeight));
        Assert.Equal(Png, image.Image.Data.ToArray());
        Assert.Equal(("Een punt", "Klein", 2.5), (image.Alt.ToString(), image.Caption!.ToString(), image.WidthCentimetres!.Value));
    }

    [Fact]
    public void Every_image_problem_is_reported_at_once_with_its_place()
    {
        using var folder = new TempDirectory();
        folder.Write("inner/notes.png", "this is text, not a picture");
        File.WriteAllBytes(folder.Write("outside.png", string.Empty), Png);
        File.WriteAllBytes(folder.Write("inner/ok.png", string.Empty), Png);
        var yaml = WithPoints(
            "- image: missing.png\n  alt: A\n"
            + "- image: notes.png\n  alt: B\n"
            + "- image: ../outside.png\n  alt: C\n"
            + "- image: ok.png\n  caption: no alt\n"
            + "- image: ok.png\n  alt: D\n  width: wide");
        var path = folder.Write("inner/minutes.yaml", yaml);

        var result = MinutesParser.ParseFile(path);

        Assert.Equal(
            [
                (DiagnosticCodes.ImageNotFound, 7, 16),
                (DiagnosticCodes.ImageFormat, 9, 16),
                (DiagnosticCodes.ImageOutsideFolder, 11, 16),
                (DiagnosticCodes.MissingKey, 13, 9),
                (DiagnosticCodes.InvalidValue, 17, 16),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Contains("not a PNG or JPEG", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("outside the minutes' folder", result.Diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Contains("'alt'", result.Diagnostics[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_is_read_with_its_size()
    {
        var outcome = ImageReader.Read("photo.jpg", Jpeg);

        Assert.Equal((ImageFormat.Jpeg, 16, 16), (outcome.Image!.Format, outcome.Image.PixelWidth, outcome.Image.PixelHeight));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    public void Cut_off_pictures_are_a_located_error_never_an_exception(int length)
    {
        foreach (var picture in (byte[][])[Png, Jpeg])
        {
            var outcome = ImageReader.Read("cut.png", picture[..Math.Min(length, picture.Length)]);

            Assert.Null(outcome.Image);
            Assert.Equal(DiagnosticCodes.ImageFormat, outcome.Code);
        }
    }

    [Fact]
    public void Picture_over_the_pixel_limit_is_refused_before_it_is_decoded()
    {
        // A PNG header that claims 20 000 × 20 000 pixels, with no picture data behind it.
        var outcome = ImageReader.Read("big.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAATiAAAE4gCAIAAABsEtFuAAAACElEQVR4nAMAAAAAAUgGidIAAAAASUVORK5CYII="));

        Assert.Equal(DiagnosticCodes.ImageTooLarge, outcome.Code);
    }

    [Fact]
    public void Absolute_image_path_is_refused()
    {
        using var folder = new TempDirectory();
        var picture = folder.Write("x.png", string.Empty);
        File.WriteAllBytes(picture, Png);
        var path = folder.Write("minutes.yaml", WithPoints("- image: " + picture + "\n  alt: A"));

        var diagnostic = Assert.Single(MinutesParser.ParseFile(path).Diagnostics);

        Assert.Equal(DiagnosticCodes.ImageOutsideFolder, diagnostic.Code);
    }

    [Theory]
    [InlineData("{ for: 21, against: 8, abstain: 0, against_by: [VVD] }", VoteResult.Carried)]
    [InlineData("{ for: 3, against: 5 }", VoteResult.Rejected)]
    [InlineData("{ for: 4, against: 4 }", VoteResult.Rejected)]
    [InlineData("{ for: 29, against: 0 }", VoteResult.Unanimous)]
    [InlineData("{ for: [GL, D66], against: [VVD] }", VoteResult.Carried)]
    [InlineData("{ for: 2, against: 8, result: carried }", VoteResult.Carried)]
    [InlineData("{ result: rejected }", VoteResult.Rejected)]
    public void Vote_result_is_derived_from_the_counts_when_not_given(string vote, VoteResult expected)
    {
        var decision = Assert.IsType<DecisionPoint>(Assert.Single(Points("- decision: Het voorstel wordt aangenomen.\n  vote: " + vote)));

        Assert.Equal(expected, decision.Vote!.Result);
    }

    [Fact]
    public void Vote_lists_count_one_vote_a_name_and_by_lists_name_who_voted()
    {
        var agreement = Assert.IsType<AgreementPoint>(Assert.Single(Points("- agreement: Zo gedaan.\n  vote: { for: [GL, \"[[Jan Jansen|5.1.2e]]\"], against: 8, against_by: [VVD] }")));

        var vote = agreement.Vote!;
        Assert.Equal((2, 8, (int?)null), (vote.For, vote.Against, vote.Abstain));
        Assert.Equal(["GL", "Jan Jansen"], vote.ForBy.Select(n => n.ToString()));
        Assert.True(vote.ForBy[1].HasRedactions);
        Assert.Equal(["VVD"], vote.AgainstBy.Select(n => n.ToString()));
    }

    [Fact]
    public void Negative_count_and_unknown_result_are_reported_with_their_places()
    {
        var result = MinutesParser.Parse(WithPoints("- decision: Besloten.\n  vote:\n    for: -3\n    against: 2\n    result: carryed"), "test.yaml");

        Assert.Equal(
            [(DiagnosticCodes.InvalidVote, 9, 16), (DiagnosticCodes.InvalidValue, 11, 19)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Contains("negative count", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'carried'?", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vote_mistakes_are_reported()
    {
        var result = MinutesParser.Parse(
            WithPoints("- decision: A\n  vote: { abstain: 2 }\n- decision: B\n  vote: { for: [GL], for_by: [D66] }\n- decision: C\n  vote: { for: 3, against: 1, result: unanimous }"),
            "test.yaml");

        Assert.Equal(
            [(DiagnosticCodes.InvalidVote, 8, 15), (DiagnosticCodes.InvalidVote, 10, 36), (DiagnosticCodes.InvalidVote, 12, 45)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Vote_belongs_to_decisions_and_agreements_only()
    {
        var diagnostic = Single(WithPoints("- action: Doen.\n  owner: VNG\n  vote: { for: 1 }"), DiagnosticCodes.UnknownKey, 9, 9);

        Assert.StartsWith("key 'vote' does not belong to a 'action' point", diagnostic.Message, StringComparison.Ordinal);
    }
}
