using System.Globalization;
using Accreditation.FunctionalTests.Infrastructure;
using Accreditation.Portal;
using Accreditation.Portal.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Portal;

/// <summary>Every value of the services' enums that a page shows has its own words, in each language.</summary>
public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public void Every_state_category_status_policy_and_outcome_has_its_words_in_each_language(string culture)
    {
        var logs = new LogCapture();
        var factory = new UntranslatedTextLogging(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance),
            new Logger<UntranslatedTextLogging>(new LoggerFactory([logs])));
        var names = new EnumNames(new StringLocalizer<SharedResource>(factory));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var shown = new List<(object Value, string Words)>();
            shown.AddRange(Values<RegistrationV1.ApplicationState>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.StakeholderCategory>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.EcosocStatus>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.CirculationPolicy>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.ObjectionEffect>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.RegionalGroup>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.ScreeningOutcome>().Select(v => ((object)v, names.Of(v))));
            shown.AddRange(Values<RegistrationV1.ReferralOutcome>().Select(v => ((object)v, names.Of(v))));
            Assert.All(shown, s => Assert.False(s.Words.Length == 0 || s.Words.StartsWith('('), $"{s.Value} has no words: {s.Words}"));
            Assert.Empty(logs.Lines.Select(l => l.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // The zero value of each enum means "not set": no page shows it.
    static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0);
}
