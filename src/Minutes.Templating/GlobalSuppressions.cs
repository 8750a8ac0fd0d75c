using System.Diagnostics.CodeAnalysis;

// MinutesParser.Parse has a string and a Stream overload, each with an optional file name. The first parameter's
// type already tells them apart, so the ambiguity RS0026 guards against (adding optional parameters to an
// existing overload later) does not arise here; a new parameter is added as a new overload.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ in the first parameter's type.", Scope = "member", Target = "~M:Minutes.Templating.Parsing.MinutesParser.Parse(System.String,System.String)~Minutes.Templating.Parsing.MinutesParseResult")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ in the first parameter's type.", Scope = "member", Target = "~M:Minutes.Templating.Parsing.MinutesParser.Parse(System.IO.Stream,System.String)~Minutes.Templating.Parsing.MinutesParseResult")]
