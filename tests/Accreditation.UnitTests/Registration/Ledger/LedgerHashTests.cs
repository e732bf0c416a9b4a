using Accreditation.Registration.Domain.Ledger;

namespace Accreditation.UnitTests.Registration.Ledger;

public sealed class LedgerHashTests
{
    static LedgerContent Sample() => new(
        1, LedgerHash.Genesis, "transition",
        Guid.Parse("11111111-2222-3333-4444-555555555555"), Guid.Parse("AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"), null,
        "officer-1", "officer", new DateTimeOffset(2026, 5, 1, 11, 0, 0, TimeSpan.FromHours(2)),
        "Found \"eligible\"\n\u2014ok", "Submitted", "Eligible",
        LedgerHash.CanonicalDetails(new Dictionary<string, string> { ["b"] = "2", ["a"] = "\u00e9" }), "trace:abc");

    [Fact]
    public void The_canonical_form_is_fixed_field_order_utc_time_with_seven_digits_and_minimal_escaping()
    {
        const string expected =
            "{\"v\":1,\"sequence\":1,\"previousHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"," +
            "\"kind\":\"transition\",\"applicationId\":\"11111111-2222-3333-4444-555555555555\"," +
            "\"organizationId\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"dialogueId\":null," +
            "\"actorSubject\":\"officer-1\",\"actorRole\":\"officer\",\"at\":\"2026-05-01T09:00:00.0000000Z\"," +
            "\"reason\":\"Found \\\"eligible\\\"\\u000a\u2014ok\",\"stateBefore\":\"Submitted\",\"stateAfter\":\"Eligible\"," +
            "\"details\":{\"a\":\"\u00e9\",\"b\":\"2\"},\"correlationId\":\"trace:abc\"}";
        Assert.Equal(expected, LedgerHash.Canonical(Sample()));
    }

    [Fact]
    public void The_hash_is_stable_across_versions_of_the_code()
    {
        // Pinned: computed independently (Python hashlib over the canonical UTF-8 bytes above).
        Assert.Equal("3311bdf5fb16a82193c9bdc5696af17870aba57e5cb60ac2134c4e257eac23b9", LedgerHash.Compute(Sample()));
    }

    [Fact]
    public void The_same_instant_in_another_offset_and_details_in_another_order_hash_the_same()
    {
        var other = Sample() with
        {
            At = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero),
            Details = LedgerHash.CanonicalDetails(new Dictionary<string, string> { ["a"] = "\u00e9", ["b"] = "2" }),
        };
        Assert.Equal(LedgerHash.Compute(Sample()), LedgerHash.Compute(other));
    }

    [Fact]
    public void Every_field_is_covered_by_the_hash()
    {
        var original = LedgerHash.Compute(Sample());
        LedgerContent[] changed =
        [
            Sample() with { Sequence = 2 },
            Sample() with { PreviousHash = new string('1', 64) },
            Sample() with { Kind = "purge" },
            Sample() with { ApplicationId = Guid.Empty },
            Sample() with { OrganizationId = null },
            Sample() with { DialogueId = Guid.Empty },
            Sample() with { ActorSubject = "officer-2" },
            Sample() with { ActorRole = "auditor" },
            Sample() with { At = Sample().At.AddTicks(1) },
            Sample() with { Reason = "Found eligible" },
            Sample() with { StateBefore = null },
            Sample() with { StateAfter = "Ineligible" },
            Sample() with { Details = "{}" },
            Sample() with { CorrelationId = null },
        ];
        Assert.All(changed, c => Assert.NotEqual(original, LedgerHash.Compute(c)));
    }

    [Fact]
    public void Lone_surrogates_are_escaped_so_two_different_strings_never_share_bytes()
    {
        var a = LedgerHash.Canonical(Sample() with { Reason = "\ud800" });
        var b = LedgerHash.Canonical(Sample() with { Reason = "\udc00" });
        Assert.Contains("\\ud800", a);
        Assert.NotEqual(LedgerHash.Compute(Sample() with { Reason = "\ud800" }), LedgerHash.Compute(Sample() with { Reason = "\udc00" }));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void An_exported_entry_gives_back_exactly_the_content_it_was_written_from()
    {
        var content = Sample() with { At = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567) };
        var exported = ExportedLedgerEntry.From(content, LedgerHash.Compute(content));
        Assert.Equal(LedgerHash.Canonical(content), LedgerHash.Canonical(exported.ToContent()));
    }
}
