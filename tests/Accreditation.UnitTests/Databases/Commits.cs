using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Accreditation.UnitTests.Databases;

/// <summary>Counts a database's commits; can fail one (as a full disk or a lost connection fails it) or hold one open.</summary>
sealed class Commits : DbTransactionInterceptor
{
    readonly Lock _lock = new();
    int _committed;
    int _failed;
    int _untilFailure = -1;
    Action? _onFailure;
    int _untilHold = -1;
    Hold? _hold;

    public int Committed => Volatile.Read(ref _committed);
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Lets <paramref name="after"/> commits through, then fails the next one (calling <paramref name="then"/> first).</summary>
    public void FailOne(int after, Action? then = null)
    {
        lock (_lock)
            (_untilFailure, _onFailure) = (after, then);
    }

    /// <summary>Lets <paramref name="after"/> commits through, then holds the next one until released.</summary>
    public Hold HoldOne(int after)
    {
        lock (_lock)
        {
            _untilHold = after;
            return _hold = new Hold();
        }
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Action? fail = null;
        Hold? hold = null;
        lock (_lock)
        {
            if (_untilFailure >= 0 && _untilFailure-- == 0)
                fail = _onFailure ?? (() => { });
            if (_untilHold >= 0 && _untilHold-- == 0)
                hold = _hold;
        }
        if (fail is not null)
        {
            Interlocked.Increment(ref _failed);
            fail();
            throw new IOException("disk I/O error at COMMIT (injected)");
        }
        if (hold is not null)
            await hold.WaitAsync();
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _committed);
        return Task.CompletedTask;
    }
}

/// <summary>A commit held open: <see cref="Reached"/> once it is waiting, until <see cref="Release"/>.</summary>
sealed class Hold
{
    readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}
