namespace Accreditation.TestSupport;

/// <summary>How recorded spans hang together: each span's parent, followed up from a span.</summary>
public static class SpanAncestry
{
    /// <summary>Whether <paramref name="span"/> descends from <paramref name="ancestor"/>, following <paramref name="parents"/> (span id to its parent's).</summary>
    public static bool IsBelow<TId>(TId span, TId ancestor, IReadOnlyDictionary<TId, TId> parents) where TId : notnull
    {
        var seen = new HashSet<TId>();
        for (var current = span; seen.Add(current) && parents.TryGetValue(current, out var parent); current = parent)
            if (EqualityComparer<TId>.Default.Equals(parent, ancestor))
                return true;
        return false;
    }

    /// <summary>Each span's parent, by the span's id (the first, should a span be recorded twice).</summary>
    public static IReadOnlyDictionary<TId, TId> Parents<TSpan, TId>(IEnumerable<TSpan> spans, Func<TSpan, TId> id, Func<TSpan, TId> parent) where TId : notnull =>
        spans.DistinctBy(id).ToDictionary(id, parent);
}
