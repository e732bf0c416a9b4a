namespace Accreditation.Portal.Pages.Me;

/// <summary>The inbox's and account's texts used from their page models (resources Pages/Me/MeText.*.resx).</summary>
public sealed class MeText;
