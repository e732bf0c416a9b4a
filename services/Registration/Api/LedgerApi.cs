using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;
using Accreditation.Registration.Messaging;

namespace Accreditation.Registration.Api;

/// <summary>
/// The secretariat reads, exports and verifies the ledger; every party gets proofs for its own
/// entries, and anyone the heads, keys and consistency proofs. Nothing here writes an entry.
/// </summary>
public sealed class LedgerApi(RegistrationDb db, TimeProvider clock, LedgerKeyStore keys, LedgerWitnessClient witness) : V1.LedgerService.LedgerServiceBase
{
    public static readonly string[] Readers = [Roles.Officer, Roles.Auditor];

    public override async Task<V1.ListLedgerEntriesResponse> ListLedgerEntries(V1.ListLedgerEntriesRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Readers);
        var (_, take) = Require.Page(request.PageSize, null);
        // Keyset paging: the token is the last sequence returned, so appends never shift a page.
        long after = 0;
        if (request.PageToken.Length > 0 && (!long.TryParse(request.PageToken, out after) || after < 0))
            throw new InvalidFieldException("page_token", "is not a token this service issued", CommonReasons.PageTokenInvalid);
        var filter = new LedgerFilter(
            Require.OptionalId(request.ApplicationId, "application_id"),
            Require.OptionalId(request.OrganizationId, "organization_id"),
            Require.OptionalId(request.DialogueId, "dialogue_id"),
            Require.OptionalText(request.ActorSubject, "actor_subject", 200),
            request.From is null ? null : Mapping.Time(request.From, "from"),
            request.To is null ? null : Mapping.Time(request.To, "to"));
        var entries = await db.Entries(filter).Where(e => e.Sequence > after).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListLedgerEntriesResponse
        {
            Entries = { entries.Select(ToContract) },
            NextPageToken = entries.Count == take ? entries[^1].Sequence.ToString() : "",
        };
    }

    public override async Task ExportLedger(V1.ExportLedgerRequest request, IServerStreamWriter<V1.ExportLedgerResponse> responseStream, ServerCallContext context)
    {
        context.GetCaller().Require(Readers);
        var format = request.Format.ToDomain("format");
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, context.CancellationToken) ?? 0;
        var head = await db.CoveringAsync(size, keys, clock, context.CancellationToken);
        await responseStream.WriteAsync(new V1.ExportLedgerResponse { TreeHead = ToContract(head) });
        // The call's cancellation aborts the stream itself; the writer takes no token of its own.
        await using var chunks = new ChunkStream(chunk => responseStream.WriteAsync(new V1.ExportLedgerResponse { Chunk = ByteString.CopyFrom(chunk.Span) }));
        await LedgerExport.WriteAsync(db, format, chunks, head, context.CancellationToken);
        await chunks.FlushAsync(context.CancellationToken);
    }

    public override async Task<V1.VerifyLedgerResponse> VerifyLedger(V1.VerifyLedgerRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Readers);
        List<LedgerCheckpointMark> external = [];
        if (request.CheckpointCount != 0 || request.CheckpointHeadHash.Length != 0)
        {
            if (request.CheckpointCount < 1)
                throw new InvalidFieldException("checkpoint_count", "must be positive when a checkpoint is given", RegistrationReasons.CheckpointInvalid);
            if (request.CheckpointHeadHash.Length != 64)
                throw new InvalidFieldException("checkpoint_head_hash", "must be a hex SHA-256 (64 characters)", RegistrationReasons.CheckpointInvalid);
            external.Add(new LedgerCheckpointMark(request.CheckpointCount, request.CheckpointHeadHash.ToLowerInvariant()));
        }
        var (reached, heads) = await witness.HeadsAsync(context.CancellationToken);
        List<WitnessedRoot> held = [.. heads];
        if (request.TreeHead.Length > 0)
        {
            var head = SignedNote.Open(request.TreeHead, keys.All().Select(k => k.Key), out _, out var problem)
                ?? throw new InvalidFieldException("tree_head", $"is not a head signed by this log: {problem}", RegistrationReasons.TreeHeadNotSigned, ("problem", problem));
            held.Add(new WitnessedRoot(head.Size, head.RootHex, "the caller"));
        }
        var result = await db.VerifyLedgerAsync(external, held, context.CancellationToken);
        return new V1.VerifyLedgerResponse
        {
            Ok = result.Ok,
            Count = result.Count,
            HeadHash = result.HeadHash,
            Problem = result.Problem.ToContract(),
            EntrySequence = result.EntrySequence ?? 0,
            Message = result.Message,
            WitnessedSize = result.WitnessedSize ?? 0,
            RangeFirst = result.Range?.First ?? 0,
            RangeLast = result.Range?.Last ?? 0,
            WitnessedHeadsChecked = result.HeadsChecked,
            WitnessReached = reached,
            RootHash = result.RootHash,
        };
    }

    public override async Task<V1.CheckpointLedgerResponse> CheckpointLedger(V1.CheckpointLedgerRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Readers);
        var checkpoint = (await db.CheckpointAsync(clock, onlyIfGrown: false, context.CancellationToken))!;
        var head = await db.CoveringAsync(checkpoint.Count, keys, clock, context.CancellationToken);
        return new V1.CheckpointLedgerResponse
        {
            Count = checkpoint.Count, HeadHash = checkpoint.HeadHash, At = Timestamp.FromDateTimeOffset(checkpoint.At), TreeHead = ToContract(head),
        };
    }

    public override async Task<V1.GetTreeHeadResponse> GetTreeHead(V1.GetTreeHeadRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, context.CancellationToken) ?? 0;
        return new V1.GetTreeHeadResponse { TreeHead = ToContract(await db.CoveringAsync(size, keys, clock, context.CancellationToken)) };
    }

    public override async Task<V1.GetInclusionProofResponse> GetInclusionProof(V1.GetInclusionProofRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        if (request.TreeSize < 0)
            throw new InvalidFieldException("tree_size", "must not be negative", CommonReasons.ValueNegative);
        var selector = new LedgerEntrySelector(
            request.Sequence > 0 ? request.Sequence : request.Sequence < 0 ? throw new InvalidFieldException("sequence", "must be positive", CommonReasons.ValueNotPositive) : null,
            Require.OptionalId(request.ApplicationId, "application_id"),
            Require.OptionalText(request.StateAfter, "state_after", 40),
            Require.OptionalId(request.ObjectionId, "objection_id"));
        if (selector.ApplicationId is null != selector.StateAfter is null)
            throw new InvalidFieldException(selector.ApplicationId is null ? "application_id" : "state_after", "application_id and state_after go together",
                RegistrationReasons.FieldsGoTogether, ("other_field", selector.ApplicationId is null ? "state_after" : "application_id"));
        var entry = await db.FindAsync(selector, ct);
        var member = caller.Role == Roles.Organization && entry.OrganizationId is { } organization
            && await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization && m.Subject == caller.Subject, ct);
        LedgerProofAccess.EnsureMayProve(caller, entry, member);
        var proven = await db.ProveAsync(entry, request.TreeSize, keys, clock, ct);
        return new V1.GetInclusionProofResponse
        {
            Entry = ToContract(entry),
            EntryJson = System.Text.Json.JsonSerializer.Serialize(ExportedLedgerEntry.From(entry.Content(), entry.Hash), ExportedLedgerEntry.Json),
            LeafIndex = proven.Proof.LeafIndex,
            TreeSize = proven.Proof.TreeSize,
            AuditPath = { proven.Proof.AuditPath.Select(ByteString.CopyFrom) },
            TreeHead = proven.Head is { } head ? ToContract(head) : null,
        };
    }

    // Hashes only, like the heads: the witness (another service, no token) asks for them too.
    [AllowAnonymous]
    public override async Task<V1.GetConsistencyProofResponse> GetConsistencyProof(V1.GetConsistencyProofRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (first, second, proof) = await db.ConsistencyAsync(request.FirstSize, request.SecondSize, ct);
        return new V1.GetConsistencyProofResponse
        {
            FirstSize = first,
            SecondSize = second,
            Proof = { proof.Select(ByteString.CopyFrom) },
            FirstCheckpoint = (await LedgerHeads.AtSizeAsync(db, first, ct))?.Note ?? "",
            SecondCheckpoint = (await LedgerHeads.AtSizeAsync(db, second, ct))?.Note ?? "",
        };
    }

    [AllowAnonymous]
    public override Task<V1.GetLedgerKeysResponse> GetLedgerKeys(V1.GetLedgerKeysRequest request, ServerCallContext context) =>
        Task.FromResult(Keys(keys));

    public static V1.GetLedgerKeysResponse Keys(LedgerKeyStore keys)
    {
        var all = keys.All();
        return new V1.GetLedgerKeysResponse
        {
            Origin = all[0].Key.Name,
            Keys =
            {
                all.Select(k => new V1.LedgerKey
                {
                    VerifierKey = k.Key.ToString(), KeyId = k.Key.KeyIdHex, SignsFrom = Timestamp.FromDateTimeOffset(k.From), Active = k.Active,
                }),
            },
        };
    }

    static V1.TreeHead ToContract(SignedTreeHead h) => new()
    {
        TreeSize = h.Size, RootHash = h.RootHash, At = Timestamp.FromDateTimeOffset(h.At), Checkpoint = h.Note, KeyId = h.KeyId,
    };

    static V1.LedgerEntry ToContract(LedgerEntry e)
    {
        var details = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(e.Details) ?? [];
        return new()
        {
        Sequence = e.Sequence,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
        Kind = e.Kind,
        ApplicationId = LedgerHash.Id(e.ApplicationId) ?? "",
        OrganizationId = LedgerHash.Id(e.OrganizationId) ?? "",
        DialogueId = LedgerHash.Id(e.DialogueId) ?? "",
        ActorSubject = e.ActorSubject,
        ActorRole = e.ActorRole,
        At = Timestamp.FromDateTimeOffset(e.At),
        Reason = e.Reason,
        StateBefore = e.StateBefore ?? "",
        StateAfter = e.StateAfter ?? "",
        Details = { details },
        CorrelationId = e.CorrelationId ?? "",
        ReasonCode = details.GetValueOrDefault(LedgerReason.Code) ?? "",
        ReasonMetadata =
        {
            details.Where(d => d.Key.StartsWith(LedgerReason.MetadataPrefix, StringComparison.Ordinal))
                .ToDictionary(d => d.Key[LedgerReason.MetadataPrefix.Length..], d => d.Value),
        },
        };
    }
}
