using System.Runtime.CompilerServices;
using System.Text.Json;

// This file is shared, by link, with tools/LedgerVerifier: it depends on the BCL only.
namespace Accreditation.Registration.Domain.Ledger;

/// <summary>
/// The signed head at the top of a JSON export: the head of exactly the entries that follow it.
/// <paramref name="Checkpoint"/> is the C2SP signed note, as e-mailed and as the API returns it.
/// </summary>
public sealed record ExportedTreeHead(long Size, string RootHash, string Checkpoint);

/// <summary>
/// The JSON export file, <c>{"treeHead": {...}, "entries": [ ... ]}</c>, read item by item (the head,
/// then each <see cref="ExportedLedgerEntry"/>): memory does not grow with the file. A bare array of
/// entries, as exports were written before the head went into the file, reads too, with no head.
/// </summary>
public static class LedgerExportFile
{
    public const string TreeHeadProperty = "treeHead";
    public const string EntriesProperty = "entries";

    /// <summary>The head and the entries, in the file's order: an <see cref="ExportedTreeHead"/> or an <see cref="ExportedLedgerEntry"/> each.</summary>
    public static async IAsyncEnumerable<object> ReadAsync(Stream json, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        var parser = new Parser();
        var items = new List<object>();
        while (!parser.Done)
        {
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2); // one item larger than the buffer
            var read = await json.ReadAsync(buffer.AsMemory(length), ct);
            final = read == 0;
            length += read;
            var consumed = parser.Parse(buffer.AsSpan(0, length), final, items);
            foreach (var item in items)
                yield return item;
            items.Clear();
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (final && !parser.Done)
                throw new InvalidDataException("The export ends before its JSON does: it is cut short.");
        }
    }

    /// <summary>The head at the top of the file, if it has one (read no further).</summary>
    public static async Task<ExportedTreeHead?> ReadHeadAsync(Stream json, CancellationToken ct)
    {
        await foreach (var item in ReadAsync(json, ct))
            return item as ExportedTreeHead;
        return null;
    }

    /// <summary>Reads as far as the bytes given go; only whole items are taken, the rest is given again with more bytes.</summary>
    sealed class Parser
    {
        enum Part { Start, Object, Entries, End }

        JsonReaderState _state;
        Part _part = Part.Start;
        bool _bare;

        public bool Done => _part == Part.End;

        /// <summary>The bytes taken; the items read into <paramref name="items"/>.</summary>
        public int Parse(ReadOnlySpan<byte> data, bool final, List<object> items)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var consumed = 0;
            while (_part != Part.End && reader.Read())
            {
                switch (_part)
                {
                    case Part.Start when reader.TokenType == JsonTokenType.StartArray:
                        (_part, _bare) = (Part.Entries, true);
                        break;
                    case Part.Start when reader.TokenType == JsonTokenType.StartObject:
                        _part = Part.Object;
                        break;
                    case Part.Start:
                        throw new InvalidDataException("The file is not a ledger export: it is neither an object nor an array of entries.");
                    case Part.Object when reader.TokenType == JsonTokenType.EndObject:
                        _part = Part.End;
                        break;
                    case Part.Object:
                        var name = reader.GetString();
                        var value = reader;
                        if (!value.Read() || (name != EntriesProperty && !value.TrySkip()))
                            return consumed; // the value is not all here yet
                        reader.Read();
                        if (name == EntriesProperty)
                        {
                            if (reader.TokenType != JsonTokenType.StartArray)
                                throw new InvalidDataException($"The export's \"{EntriesProperty}\" is not an array.");
                            _part = Part.Entries;
                        }
                        else if (name == TreeHeadProperty)
                            items.Add(JsonSerializer.Deserialize<ExportedTreeHead>(ref reader, ExportedLedgerEntry.Json)
                                ?? throw new InvalidDataException($"The export's \"{TreeHeadProperty}\" is null."));
                        else
                            reader.TrySkip();
                        break;
                    case Part.Entries when reader.TokenType == JsonTokenType.EndArray:
                        _part = _bare ? Part.End : Part.Object;
                        break;
                    case Part.Entries when reader.TokenType == JsonTokenType.StartObject:
                        var entry = reader;
                        if (!entry.TrySkip())
                            return consumed;
                        items.Add(JsonSerializer.Deserialize<ExportedLedgerEntry>(ref reader, ExportedLedgerEntry.Json)!);
                        break;
                    case Part.Entries:
                        throw new InvalidDataException("The export holds an entry that is not an object (null?); it is not a ledger export.");
                }
                consumed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }
            return consumed;
        }
    }
}
