using Accreditation.Notifications.Domain;
using Accreditation.Transparency;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Notifications.Messaging;

/// <summary>What the witness asks the log (Registration): its published keys and consistency proofs. Hashes only, no token.</summary>
public sealed class LedgerLogClient(RegistrationV1.LedgerService.LedgerServiceClient client)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<NoteVerifierKey>> KeysAsync(CancellationToken ct)
    {
        var response = await client.GetLedgerKeysAsync(new RegistrationV1.GetLedgerKeysRequest(), deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
        return response.Keys.Select(k => NoteVerifierKey.Parse(k.VerifierKey)).OfType<NoteVerifierKey>().ToList();
    }

    public async Task<ConsistencyAnswer> ConsistencyAsync(long first, long second, CancellationToken ct)
    {
        try
        {
            var response = await client.GetConsistencyProofAsync(new RegistrationV1.GetConsistencyProofRequest { FirstSize = first, SecondSize = second },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: ct);
            return new ConsistencyAnswer(response.Proof.Select(p => p.ToByteArray()).ToList());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            // The log holds fewer entries than the larger head: it cannot prove it any more.
            return new ConsistencyAnswer([], LogHasFewer: true);
        }
    }
}
