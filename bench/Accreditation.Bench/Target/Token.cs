namespace Accreditation.Bench.Target;

/// <summary>
/// An access token renewed before it runs out (Identity issues them for 15 minutes; the large
/// pipeline runs longer). Reads as the current token string wherever one is expected.
/// </summary>
public sealed class Token : IDisposable
{
    static readonly TimeSpan Renewal = TimeSpan.FromMinutes(10);
    readonly Func<Task<string>> _issue;
    readonly Timer _timer;
    volatile string _value;

    Token(Func<Task<string>> issue, string first)
    {
        _issue = issue;
        _value = first;
        _timer = new Timer(_ => _ = RenewAsync(), null, Renewal, Renewal);
    }

    public string Value => _value;

    public static async Task<Token> IssueAsync(Func<Task<string>> issue) => new(issue, await issue());

    async Task RenewAsync()
    {
        try { _value = await _issue(); }
        catch (Exception) { /* the old token still has minutes left; the next renewal tries again */ }
    }

    public static implicit operator string(Token token) => token.Value;

    public override string ToString() => Value;

    public void Dispose() => _timer.Dispose();
}
