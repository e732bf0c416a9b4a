using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Accreditation.ServiceDefaults.Data;

/// <summary>
/// Hot untracked reads of a SQLite file, tagged <see cref="Tag"/> (<c>.TagWith(PreparedReads.Tag)</c>, a comment in the SQL on PostgreSQL),
/// run on a few read-only connections of their own that keep each statement prepared, instead of
/// on the context's connection. Microsoft.Data.Sqlite compiles the SQL of every command EF Core
/// creates afresh (dotnet/efcore#14044): for GetApplication's one statement that was half the
/// service's CPU per call. EF Core still writes the SQL, binds the parameters and materializes the rows.
/// </summary>
/// <remarks>
/// Only a read outside a transaction moves (checked on the native connection, so a transaction
/// begun with plain SQL counts too): each statement then reads the latest committed state, as it
/// would on the context's connection. A read that finds every connection busy runs where it would
/// have run. Nothing here writes: the connections are <c>query_only</c>.
/// </remarks>
public sealed class PreparedReads(string connectionString) : DbCommandInterceptor, IDisposable
{
    /// <summary>The query tag that marks a read for this path (EF Core writes it as a leading SQL comment).</summary>
    public const string Tag = "prepared read";
    const string Marker = "-- " + Tag;

    /// <summary>Enough for the concurrency two cores can use; a read beyond them is not refused, only not prepared.</summary>
    static readonly int MaxConnections = Math.Max(4, 2 * Environment.ProcessorCount);

    readonly ConcurrentBag<ReadConnection> _idle = [];
    readonly ConcurrentDictionary<DbDataReader, ReadConnection> _leased = new(ReferenceEqualityComparer.Instance);
    int _open;
    bool _disposed;

    /// <summary>Statements compiled by this path since start (tests: a repeated read compiles nothing).</summary>
    internal int Compiled => _compiled;
    int _compiled;

    /// <summary>Connections this path holds open (tests: reads one after another share one).</summary>
    internal int Open => _open;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult || !Moves(command) || !TryRent(out var connection) ? result : InterceptionResult<DbDataReader>.SuppressWithResult(Execute(connection, command));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        // Microsoft.Data.Sqlite's async calls run synchronously too: nothing is lost by running this one so.
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_leased.TryRemove(eventData.DataReader, out var connection))
        {
            // Reset the statement before the connection serves another read; EF Core's own dispose after this finds it closed.
            eventData.DataReader.Dispose();
            Return(connection);
        }
        return result;
    }

    static bool Moves(DbCommand command) =>
        command.CommandText.StartsWith(Marker, StringComparison.Ordinal)
        && command.Transaction is null
        && command.Connection is SqliteConnection { Handle: { } native }
        && raw.sqlite3_get_autocommit(native) != 0;

    DbDataReader Execute(ReadConnection connection, DbCommand command)
    {
        try
        {
            var reader = connection.Execute(command, ref _compiled);
            _leased[reader] = connection;
            return reader;
        }
        catch
        {
            // A connection whose read failed is not trusted with the next one.
            connection.Dispose();
            Interlocked.Decrement(ref _open);
            throw;
        }
    }

    bool TryRent(out ReadConnection connection)
    {
        if (_idle.TryTake(out connection!))
            return true;
        if (Volatile.Read(ref _disposed))
            return false;
        if (Interlocked.Increment(ref _open) > MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }
        try
        {
            connection = ReadConnection.Open(connectionString);
            return true;
        }
        catch
        {
            Interlocked.Decrement(ref _open);
            throw;
        }
    }

    void Return(ReadConnection connection)
    {
        if (Volatile.Read(ref _disposed))
        {
            connection.Dispose();
            Interlocked.Decrement(ref _open);
        }
        else
            _idle.Add(connection);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>One read-only connection and the commands prepared on it, by SQL text.</summary>
    sealed class ReadConnection(SqliteConnection connection) : IDisposable
    {
        // The tagged queries are a handful of fixed texts; the bound only guards against a caller
        // tagging a query whose text varies (say, with a list's length).
        const int MaxStatements = 32;
        readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public static ReadConnection Open(string connectionString)
        {
            // Not from Microsoft.Data.Sqlite's pool, nor back to it: a native connection left query_only
            // there would refuse the next host's writes on the same file (a restart in the same process).
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            connection.Open();
            using var settings = connection.CreateCommand();
            settings.CommandText = "PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;";
            settings.ExecuteNonQuery();
            return new ReadConnection(connection);
        }

        public SqliteDataReader Execute(DbCommand source, ref int compiled)
        {
            if (!_commands.TryGetValue(source.CommandText, out var command))
            {
                if (_commands.Count >= MaxStatements)
                    Clear();
                command = connection.CreateCommand();
                command.CommandText = source.CommandText;
                _commands.Add(source.CommandText, command);
                Interlocked.Increment(ref compiled);
            }
            // EF Core's own parameters, as they are: a copy would have to know which of their settings
            // were set and which inferred (an explicit Size of 0 would empty the text bound).
            command.Parameters.Clear();
            foreach (SqliteParameter parameter in source.Parameters)
                command.Parameters.Add(parameter);
            return command.ExecuteReader(CommandBehavior.Default);
        }

        void Clear()
        {
            foreach (var command in _commands.Values)
                command.Dispose();
            _commands.Clear();
        }

        public void Dispose()
        {
            Clear();
            connection.Dispose();
        }
    }
}
