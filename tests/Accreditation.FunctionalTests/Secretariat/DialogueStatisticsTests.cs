using System.Net.Http.Json;
using System.Text.Json;
using System.Globalization;
using Accreditation.FunctionalTests.Infrastructure;
using RegistrationV1 = Accreditation.Registration.V1;
using Category = Accreditation.Registration.V1.StakeholderCategory;
using State = Accreditation.Registration.V1.ApplicationState;

namespace Accreditation.FunctionalTests.Secretariat;

[Collection(SystemCollection.Name)]
public sealed class DialogueStatisticsTests(SystemFixture system)
{
    readonly Clients _api = new(system);

    [Fact]
    public async Task Statistics_are_computed_from_the_applications_and_the_objections_that_stood_and_name_no_state()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        async Task<RegistrationV1.Application> ApplyAsync(string name, Category category, string country) =>
            await _api.ApplyAsync(user, await _api.CreateOrganizationAsync(user, name, category: category, country: country), dialogue);
        var ngo = await ApplyAsync("Figures Rights Network", Category.Ngo, "KEN");
        var academia = await ApplyAsync("Figures Institute", Category.Academia, "AUT");
        var company = await ApplyAsync("Figures Company", Category.PrivateSector, "BRA");
        var reconsidered = await ApplyAsync("Figures Alliance", Category.Ngo, "CHN");
        var withdrawn = await ApplyAsync("Figures Withdrawn Trust", Category.Ngo, "KEN");
        await ApplyAsync("Figures Pending Forum", Category.Other, "HKG");
        foreach (var application in new[] { ngo, academia, company, reconsidered })
            await _api.ScreenEligibleAsync(officer, application);
        await _api.Applications.WithdrawApplicationAsync(new() { ApplicationId = withdrawn.ApplicationId }, user.Call);
        system.Clock.Advance(TimeSpan.FromDays(3));
        await _api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(1));
        var austria = await system.StateTokenAsync("AUT");
        var brazil = await system.StateTokenAsync("BRA");
        await _api.CirculatedAsync(austria, dialogue, expected: 4);
        await _api.ObjectAsync(austria, company);
        await _api.ObjectAsync(brazil, company);
        var changedMind = await _api.ObjectAsync(brazil, reconsidered);
        await _api.Objections.WithdrawObjectionAsync(new() { ObjectionId = changedMind.ObjectionId }, SystemFixture.Bearer(brazil));

        system.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await SystemFixture.EventuallyAsync(() => _api.GetAsync(user, company), a => a.State == State.NotAdmitted, "the objected application to be decided");
        var auditor = await system.AuditorTokenAsync();
        var statistics = await SystemFixture.EventuallyAsync(
            async () => (await _api.Secretariat.GetDialogueStatisticsAsync(new() { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(auditor))).Statistics,
            s => s.Admitted == 3 && s.ObjectingStates == 2, "every decision and objection to reach the figures");

        Assert.Equal((6, 3, 1, 1, 4), (statistics.Applications, statistics.Admitted, statistics.NotAdmitted, statistics.Withdrawn, statistics.Decided));
        Assert.Equal(1, statistics.ByState.Single(s => s.State == State.Submitted).Applications);
        Assert.Equal((3, 2), Figures(statistics.ByCategory.Single(c => c.Category == Category.Ngo)));
        Assert.Equal((1, 0), Figures(statistics.ByCategory.Single(c => c.Category == Category.PrivateSector)));
        Assert.Equal((2, 1), Figures(statistics.ByRegion.Single(r => r.Region == RegistrationV1.RegionalGroup.African)));
        Assert.Equal((1, 1), Figures(statistics.ByRegion.Single(r => r.Region == RegistrationV1.RegionalGroup.WesternEuropeanAndOthers)));
        Assert.Equal((1, 0), Figures(statistics.ByRegion.Single(r => r.Region == RegistrationV1.RegionalGroup.None)));
        // Two States objected to one organization; the withdrawn objection does not stand.
        Assert.Equal((2, 1), (statistics.ObjectingStates, statistics.OrganizationsObjectedTo));
        Assert.Equal(4.0, statistics.MedianDaysToDecision, precision: 2);
        Assert.Equal(
            "Two non-governmental organizations and one other relevant stakeholder (from academia) participated in the constructive dialogue " +
            $"held on {DateOnly.ParseExact(dialogue.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} following the ninth session of the Working Group on Smuggling of Migrants. " +
            "Six applications were received: three were admitted, one was not admitted, one was withdrawn and one is under consideration. " +
            "Two States parties objected to the participation of one organization. The median time from submission to decision was four days.",
            statistics.Summary);
        Assert.DoesNotMatch(@"\b(AUT|BRA)\b|Austria|Brazil", statistics.ToString());
        using var json = new HttpRequestMessage(HttpMethod.Get, $"/v1/dialogues/{dialogue.DialogueId}/statistics");
        json.Headers.Authorization = new("Bearer", officer);
        using var response = await system.Http.SendAsync(json);
        Assert.Equal(statistics.Summary, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statistics").GetProperty("summary").GetString());
    }

    static (int, int) Figures(RegistrationV1.CategoryFigures f) => (f.Applications, f.Admitted);
    static (int, int) Figures(RegistrationV1.RegionFigures f) => (f.Applications, f.Admitted);
}
