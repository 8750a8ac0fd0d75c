using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Scriban.Runtime;

namespace Minutes.Templating.Engine;

/// <summary>
/// What a template can read of the .NET values behind the model and behind the built-in functions' results: the
/// properties of a date (<c>year</c>, <c>month</c>, <c>day_of_week</c>…) and nothing else. The renderer gives Scriban
/// <see cref="IsReadable"/>; the name checker uses <see cref="Readable"/> to find at load what the renderer would refuse.
/// </summary>
internal static class DotNetMembers
{
    /// <summary>True for the members of a .NET value a template may read: a date's.</summary>
    /// <param name="member">A public field or property of the value's type.</param>
    public static bool IsReadable(MemberInfo member) => member.DeclaringType == typeof(DateTime);

    /// <summary>
    /// The members a template can read of a value of <paramref name="type"/>, by the names Scriban gives them
    /// (<c>day_of_week</c>), each with its type; empty for every type but a date's.
    /// </summary>
    /// <param name="type">The value's type.</param>
    public static IReadOnlyDictionary<string, Type> Readable(Type type) => type == typeof(DateTime) ? DateMembers : NoMembers;

    private static readonly Dictionary<string, Type> NoMembers = [];

    private static readonly Dictionary<string, Type> DateMembers = Collect(typeof(DateTime));

    /// <summary>
    /// The public instance fields and properties without parameters of <paramref name="type"/> (a type that derives
    /// from nothing but <see cref="object"/> or <see cref="ValueType"/>) that are <see cref="IsReadable"/>, by their
    /// Scriban names, as Scriban finds them for a value it reads through reflection.
    /// </summary>
    private static Dictionary<string, Type> Collect([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
    {
        var members = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public).Where(f => !f.IsLiteral && IsReadable(f)))
        {
            members.TryAdd(StandardMemberRenamer.Default(field), field.FieldType);
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && IsReadable(p)))
        {
            members.TryAdd(StandardMemberRenamer.Default(property), property.PropertyType);
        }

        return members;
    }
}
