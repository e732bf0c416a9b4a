using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>A write transaction that gives the file's turn to the next writer once it ends (commit, rollback or dispose).</summary>
sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    int _released;

    public Guid TransactionId => inner.TransactionId;
    public bool SupportsSavepoints => inner.SupportsSavepoints;
    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit() { try { inner.Commit(); } finally { Release(); } }
    public async Task CommitAsync(CancellationToken cancellationToken = default) { try { await inner.CommitAsync(cancellationToken); } finally { Release(); } }
    public void Rollback() { try { inner.Rollback(); } finally { Release(); } }
    public async Task RollbackAsync(CancellationToken cancellationToken = default) { try { await inner.RollbackAsync(cancellationToken); } finally { Release(); } }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);
    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);
    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);
    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);
    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);
    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose() { try { inner.Dispose(); } finally { Release(); } }
    public async ValueTask DisposeAsync() { try { await inner.DisposeAsync(); } finally { Release(); } }

    void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            gate.Release();
    }
}
