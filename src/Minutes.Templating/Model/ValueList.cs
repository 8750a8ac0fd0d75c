using System.Collections;
using System.Text;

namespace Minutes.Templating.Model;

/// <summary>
/// A read-only list that equals another holding equal items in the same order: what lets the model's records
/// compare by content (two parses of the same file are equal) instead of by list identity.
/// </summary>
/// <remarks>Every list-valued <c>init</c> property of a public record stores its value through <see cref="ValueList.Of{T}"/>.</remarks>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items in brackets, as a record prints its members: <c>[a, b]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < _items.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(_items[i]);
        }

        return builder.Append(']').ToString();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}

/// <summary>Makes lists and dictionaries that compare by content.</summary>
internal static class ValueList
{
    /// <summary>The items as a <see cref="ValueList{T}"/>: the list itself when it is one already, else a copy.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items switch
        {
            ValueList<T> list => list,
            { Count: 0 } => ValueList<T>.Empty,
            _ => new ValueList<T>([.. items]),
        };
    }

    /// <summary>Rows of a table: each row, and the list of rows, compare by content.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> OfRows<T>(IReadOnlyList<IReadOnlyList<T>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows is ValueList<IReadOnlyList<T>> list && list.All(r => r is ValueList<T>)
            ? list
            : new ValueList<IReadOnlyList<T>>([.. rows.Select(Of)]);
    }

    /// <summary>The entries as a dictionary that equals another with the same keys and values, in any order.</summary>
    public static IReadOnlyDictionary<TKey, TValue> Of<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> entries)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries as ValueDictionary<TKey, TValue> ?? new ValueDictionary<TKey, TValue>(entries);
    }
}

/// <summary>A read-only dictionary that equals another with the same keys and equal values, in any order.</summary>
internal sealed class ValueDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries;

    public ValueDictionary(IReadOnlyDictionary<TKey, TValue> entries) =>
        _entries = new Dictionary<TKey, TValue>(entries, entries is Dictionary<TKey, TValue> d ? d.Comparer : null);

    public int Count => _entries.Count;

    public IEnumerable<TKey> Keys => _entries.Keys;

    public IEnumerable<TValue> Values => _entries.Values;

    public TValue this[TKey key] => _entries[key];

    public bool ContainsKey(TKey key) => _entries.ContainsKey(key);

    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    public bool Equals(ValueDictionary<TKey, TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var otherValue) || !comparer.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueDictionary<TKey, TValue> other && Equals(other);

    /// <summary>Independent of the order: the entries' hashes are summed.</summary>
    public override int GetHashCode()
    {
        var sum = 0;
        foreach (var (key, value) in _entries)
        {
            sum += HashCode.Combine(_entries.Comparer.GetHashCode(key), value);
        }

        return sum;
    }

    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => e.Key + ": " + e.Value)) + "}";

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
