using System.Text;
using Accreditation.Transparency;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.UnitTests.Registration.Ledger;

/// <summary>Tree heads as C2SP tlog-checkpoint signed notes, and the keys that sign them.</summary>
public sealed class SignedNoteTests : IDisposable
{
    readonly string _keys = Path.Combine(Path.GetTempPath(), $"ledger-keys-{Guid.NewGuid():N}");
    static readonly TreeHead Head = new("accreditation.untoc.example/ledger", 1234, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
        new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_keys))
            Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public void The_key_ID_is_that_of_the_signed_note_format()
    {
        // The verifier key of the golang.org/x/mod/sumdb/note documentation.
        var key = NoteVerifierKey.Parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        Assert.NotNull(key);
        Assert.Equal("c74f20a3", key.KeyIdHex);
        Assert.Null(NoteVerifierKey.Parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        // Base64 may hold '+': a key whose text does must still parse.
        for (var i = 0; i < 64; i++)
        {
            var generated = new NoteSigningKey("log.example/ledger", NoteSigningKey.NewPrivateKey()).Verifier;
            Assert.Equal(generated.KeyIdHex, NoteVerifierKey.Parse(generated.ToString())?.KeyIdHex);
        }
    }

    [Fact]
    public void A_signed_head_is_a_checkpoint_note_that_opens_with_the_published_key_and_gives_back_the_head()
    {
        var key = new NoteSigningKey(Head.Origin, NoteSigningKey.NewPrivateKey());
        var note = SignedNote.Sign(Head, key);
        var lines = note.Split('\n');
        Assert.Equal([Head.Origin, "1234", Convert.ToBase64String(Head.RootHash), "time 2026-12-01T08:30:00Z", ""], lines[..5]);
        Assert.StartsWith($"\u2014 {Head.Origin} ", lines[5]);

        var opened = SignedNote.Open(note, [NoteVerifierKey.Parse(key.Verifier.ToString())!], out var signer, out var problem);
        Assert.Null(problem);
        Assert.Equal(key.Verifier.KeyIdHex, signer!.KeyIdHex);
        Assert.Equal((Head.Size, Head.RootHex, Head.At), (opened!.Size, opened.RootHex, opened.At));
    }

    [Fact]
    public void A_head_with_a_changed_size_or_another_log_s_signature_does_not_open()
    {
        var key = new NoteSigningKey(Head.Origin, NoteSigningKey.NewPrivateKey());
        var note = SignedNote.Sign(Head, key);
        Assert.Null(SignedNote.Open(note.Replace("\n1234\n", "\n1233\n"), [key.Verifier], out _, out var altered));
        Assert.Contains("does not verify", altered);
        var stranger = new NoteSigningKey(Head.Origin, NoteSigningKey.NewPrivateKey());
        Assert.Null(SignedNote.Open(note, [stranger.Verifier], out _, out var unknown));
        Assert.Contains("no signature by a known key", unknown);
    }

    [Fact]
    public void The_key_is_kept_across_restarts_and_a_rotation_adds_one_that_signs_while_the_old_stays_published()
    {
        var first = new LedgerKeyStore(_keys, Head.Origin).Active();
        var again = new LedgerKeyStore(_keys, Head.Origin);
        Assert.Equal(first.Verifier.ToString(), again.Active().Verifier.ToString());
        var old = SignedNote.Sign(Head, first);

        var rotated = again.Rotate(DateTimeOffset.UtcNow);
        Assert.NotEqual(first.Verifier.KeyIdHex, rotated.Verifier.KeyIdHex);
        Assert.Equal(rotated.Verifier.KeyIdHex, again.Active().Verifier.KeyIdHex);
        var published = again.All();
        Assert.Equal([first.Verifier.KeyIdHex, rotated.Verifier.KeyIdHex], published.Select(k => k.Key.KeyIdHex));
        Assert.Equal([false, true], published.Select(k => k.Active));
        Assert.NotNull(SignedNote.Open(old, published.Select(k => k.Key), out _, out _));
        if (!OperatingSystem.IsWindows())
            foreach (var file in Directory.GetFiles(_keys))
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains("PRIVATE KEY", Encoding.UTF8.GetString(File.ReadAllBytes(Directory.GetFiles(_keys)[0])));
    }
}
