using System.Collections;
using System.Collections.Frozen;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Minutes.Templating.TemplateModel;

/// <summary>
/// The names every object of one kind of the template model may have, in the order they are listed (the order a
/// template that enumerates the object sees): declared once for the kind, not once for every object.
/// </summary>
internal sealed class ModelShape
{
    private readonly FrozenDictionary<string, int> _slots;

    public ModelShape(IReadOnlyList<string> names)
    {
        if (names.Count > 64)
        {
            throw new ArgumentException("A shape has at most 64 names.", nameof(names));
        }

        Names = [.. names];
        _slots = names.Select((name, slot) => KeyValuePair.Create(name, slot)).ToFrozenDictionary(StringComparer.Ordinal);
        if (_slots.Count != names.Count)
        {
            throw new ArgumentException("A shape's names are distinct.", nameof(names));
        }
    }

    /// <summary>The names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The place of <paramref name="name"/> among the names, or -1.</summary>
    public int SlotOf(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;

    /// <summary>The names given as one set, for <see cref="ModelObject.SetNulls"/>.</summary>
    public ulong SetOf(IEnumerable<string> names) =>
        names.Aggregate(0UL, (set, name) => set | (1UL << (SlotOf(name) is >= 0 and var slot ? slot : throw new ArgumentException(name + " is not a name of the shape.", nameof(names)))));
}

/// <summary>
/// An object of the template model that a template sees as it sees a <see cref="ScriptObject"/> (names read,
/// written, enumerated, printed and tested the same way), but whose values stand in one array in the order of its
/// <see cref="ModelShape"/> instead of in a table of its own: a point of the minutes is most of a large model,
/// and a script object of its two dozen names takes five times the memory.
/// </summary>
/// <remarks>
/// A name of the shape is a member once it is set, until it is removed; a name outside the shape, which a template
/// may add, is kept in a script object of its own, after the shape's names.
/// </remarks>
internal sealed class ModelObject : IScriptObject, IDictionary<string, object?>, IDictionary, IFormattable
{
    private readonly ModelShape _shape;
    private object?[] _values;

    /// <summary>Bit <c>i</c>: the shape's name <c>i</c> is a member.</summary>
    private ulong _members;

    /// <summary>Bit <c>i</c>: the shape's name <c>i</c> is read-only.</summary>
    private ulong _readOnly;

    /// <summary>The names outside the shape that a template added; null until it adds one.</summary>
    private ScriptObject? _added;

    public ModelObject(ModelShape shape)
    {
        _shape = shape;
        _values = new object?[shape.Names.Count];
    }

    /// <inheritdoc />
    public bool IsReadOnly { get; set; }

    /// <inheritdoc cref="IScriptObject.Count" />
    public int Count => System.Numerics.BitOperations.PopCount(_members) + (_added?.Count ?? 0);

    /// <summary>Sets a member, as <see cref="ScriptObject.SetValue(string, object?, bool)"/> does: whether or not it was read-only.</summary>
    public void SetValue(string member, object? value, bool readOnly)
    {
        var slot = _shape.SlotOf(member);
        if (slot < 0)
        {
            (_added ??= []).SetValue(member, value, readOnly);
            return;
        }

        _values[slot] = value;
        _members |= 1UL << slot;
        _readOnly = readOnly ? _readOnly | (1UL << slot) : _readOnly & ~(1UL << slot);
    }

    /// <summary>Sets each name of <paramref name="names"/> (from <see cref="ModelShape.SetOf"/>) to null, writable, at once.</summary>
    public void SetNulls(ulong names)
    {
        for (var rest = names; rest != 0; rest &= rest - 1)
        {
            _values[System.Numerics.BitOperations.TrailingZeroCount(rest)] = null;
        }

        _members |= names;
        _readOnly &= ~names;
    }

    /// <inheritdoc />
    public IEnumerable<string> GetMembers()
    {
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (Has(slot))
            {
                yield return _shape.Names[slot];
            }
        }

        if (_added is not null)
        {
            foreach (var member in _added.GetMembers())
            {
                yield return member;
            }
        }
    }

    /// <inheritdoc />
    public bool Contains(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var slot = _shape.SlotOf(member);
        return slot >= 0 ? Has(slot) : _added?.Contains(member) == true;
    }

    /// <inheritdoc />
    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) => TryGetValue(member, out value);

    /// <inheritdoc />
    public bool CanWrite(string member)
    {
        var slot = _shape.SlotOf(member);
        return slot >= 0 ? (_readOnly & (1UL << slot)) == 0 : _added?.CanWrite(member) != false;
    }

    /// <inheritdoc />
    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly)
    {
        if (!CanWrite(member))
        {
            return false;
        }

        this.AssertNotReadOnly();
        SetValue(member, value, readOnly);
        return true;
    }

    /// <inheritdoc />
    public bool Remove(string member)
    {
        this.AssertNotReadOnly();
        var slot = _shape.SlotOf(member);
        if (slot < 0)
        {
            return _added?.Remove(member) == true;
        }

        var had = Has(slot);
        _values[slot] = null;
        _members &= ~(1UL << slot);
        _readOnly &= ~(1UL << slot);
        return had;
    }

    /// <inheritdoc />
    public void SetReadOnly(string member, bool readOnly)
    {
        this.AssertNotReadOnly();
        var slot = _shape.SlotOf(member);
        if (slot < 0)
        {
            _added?.SetReadOnly(member, readOnly);
        }
        else if (Has(slot))
        {
            _readOnly = readOnly ? _readOnly | (1UL << slot) : _readOnly & ~(1UL << slot);
        }
    }

    /// <inheritdoc />
    public IScriptObject Clone(bool deep)
    {
        var clone = (ModelObject)MemberwiseClone();
        clone._values = (object?[])_values.Clone();
        clone._added = (ScriptObject?)_added?.Clone(deep);
        if (deep)
        {
            for (var slot = 0; slot < clone._values.Length; slot++)
            {
                if (clone._values[slot] is IScriptObject inner)
                {
                    clone._values[slot] = inner.Clone(true);
                }
            }
        }

        return clone;
    }

    /// <summary>The members and their values, in order.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (Has(slot))
            {
                yield return new KeyValuePair<string, object?>(_shape.Names[slot], _values[slot]);
            }
        }

        if (_added is not null)
        {
            foreach (var pair in _added)
            {
                yield return pair;
            }
        }
    }

    /// <summary>Prints the object as a script object prints: <c>{kind: "statement", text: …}</c>.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => AsScriptObject().ToString(format, formatProvider);

    /// <inheritdoc />
    public override string ToString() => ToString(null, null);

    /// <summary>A script object with the same members, values and read-only names, in the same order.</summary>
    private ScriptObject AsScriptObject()
    {
        var copy = new ScriptObject(Count);
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (Has(slot))
            {
                copy.SetValue(_shape.Names[slot], _values[slot], (_readOnly & (1UL << slot)) != 0);
            }
        }

        _added?.CopyTo(copy);
        return copy;
    }

    private bool Has(int slot) => (_members & (1UL << slot)) != 0;

    // What a dictionary of names and values does, as a script object does it: a template's functions (object.keys,
    // object.has_key, object.values, object.typeof) and a .NET caller see the same members.

    /// <inheritdoc />
    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : null;
        set
        {
            this.AssertNotReadOnly();
            if (CanWrite(key))
            {
                SetValue(key, value, false);
            }
        }
    }

    /// <inheritdoc />
    public ICollection<string> Keys => [.. GetMembers()];

    /// <inheritdoc />
    public ICollection<object?> Values => [.. this.Select(pair => pair.Value)];

    /// <inheritdoc />
    public void Add(string key, object? value)
    {
        if (Contains(key))
        {
            throw new ArgumentException($"The object already has a member named {key}.", nameof(key));
        }

        SetValue(key, value, false);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => Contains(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value)
    {
        var slot = _shape.SlotOf(key);
        if (slot >= 0)
        {
            value = Has(slot) ? _values[slot] : null;
            return Has(slot);
        }

        value = null;
        return _added is not null && ((IDictionary<string, object?>)_added).TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear()
    {
        _values.AsSpan().Clear();
        _members = 0;
        _readOnly = 0;
        _added = null;
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item) => Contains(item) && Remove(item.Key);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool IDictionary.IsFixedSize => false;

    ICollection IDictionary.Keys => GetMembers().ToList();

    ICollection IDictionary.Values => this.Select(pair => pair.Value).ToList();

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    object? IDictionary.this[object key]
    {
        get => this[KeyText(key)];
        set => this[KeyText(key)] = value;
    }

    void IDictionary.Add(object key, object? value) => Add(KeyText(key), value);

    bool IDictionary.Contains(object key) => key is string member && Contains(member);

    IDictionaryEnumerator IDictionary.GetEnumerator() => ((IDictionary)this.ToDictionary(pair => pair.Key, pair => pair.Value)).GetEnumerator();

    void IDictionary.Remove(object key)
    {
        if (key is string member)
        {
            Remove(member);
        }
    }

    void ICollection.CopyTo(Array array, int index)
    {
        foreach (var pair in this)
        {
            array.SetValue(new DictionaryEntry(pair.Key, pair.Value), index++);
        }
    }

    private static string KeyText(object key) => key as string ?? key?.ToString() ?? throw new ArgumentNullException(nameof(key));
}
