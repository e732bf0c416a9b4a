using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;

namespace Accreditation.FunctionalTests.Identity;

/// <summary>
/// Wrong passwords slow down their source, never lock the owner out: the throttle is keyed on the
/// address typed and the caller's network address, which the gateway forwards to Identity.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SignInThrottleTests(SystemFixture system)
{
    const string Password = "Correct-Horse-42";

    [Fact]
    public async Task Wrong_passwords_from_one_address_slow_that_address_down_while_the_owner_signs_in_from_another()
    {
        var user = await system.SignUpOrganizationUserAsync();
        const string attacker = "203.0.113.9";
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (ok, wrong) = await FromAsync(attacker, user.Email, "Wrong-Horse-42");
            Assert.False(ok);
            Assert.Equal("The e-mail address or password is incorrect.", Description(wrong));
        }

        // Now even the right password is refused from there, for a while, saying until when.
        var (blockedOk, blocked) = await FromAsync(attacker, user.Email, Password);
        Assert.False(blockedOk);
        Assert.StartsWith("Too many failed sign-ins for this address from your network; try again after ", Description(blocked));
        // The owner, from elsewhere (through the gateway), is not locked out.
        Assert.True((await system.TokenRequestAsync(PasswordForm(user.Email, Password))).Ok);

        // The wait is short at first (2 s after the sixth failure) and doubles with each further failure.
        system.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await FromAsync(attacker, user.Email, Password)).Ok);
    }

    [Fact]
    public async Task An_unknown_address_is_slowed_down_with_the_same_words_as_a_known_one()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var nobody = $"nobody-{Guid.NewGuid():N}@example.org";
        const string source = "198.51.100.23";
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { user.Email, nobody })
        {
            answers[email] = [];
            for (var attempt = 1; attempt <= 7; attempt++)
                answers[email].Add(Description((await FromAsync(source, email, "Wrong-Horse-42")).Body));
        }

        Assert.Equal(answers[user.Email].Select(Shape), answers[nobody].Select(Shape));
        Assert.StartsWith("Too many failed sign-ins", answers[nobody][^1]);
    }

    [Fact]
    public async Task A_caller_cannot_escape_the_throttle_by_sending_its_own_forwarded_for_header_to_the_gateway()
    {
        var user = await system.SignUpOrganizationUserAsync();
        string? last = null;
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(PasswordForm(user.Email, "Wrong-Horse-42")) };
            // A new made-up address each time: were it believed, every try would be a first one.
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{attempt}");
            using var response = await system.Http.SendAsync(request);
            last = Description(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.StartsWith("Too many failed sign-ins", last);
    }

    static string Description(JsonElement body) => body.GetProperty("error_description").GetString()!;

    // The time in a refusal differs between two runs; the words must not.
    static string Shape(string description) => description.Split(" after ")[0];

    static Dictionary<string, string> PasswordForm(string email, string password) => new()
    {
        ["grant_type"] = "password", ["client_id"] = "portal", ["username"] = email, ["password"] = password,
    };

    /// <summary>A token request reaching Identity through a proxy on loopback that forwards <paramref name="source"/> as the caller.</summary>
    async Task<(bool Ok, JsonElement Body)> FromAsync(string source, string email, string password)
    {
        // Identity speaks HTTP/2 only, as the gateway does to it.
        using var identity = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{system.System.Options.Ports.Identity}/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(PasswordForm(email, password)),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("X-Forwarded-For", source);
        using var response = await identity.SendAsync(request);
        return (response.IsSuccessStatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
