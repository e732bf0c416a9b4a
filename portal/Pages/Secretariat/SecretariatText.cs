namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>Marker of the secretariat pages' texts written by page models (resources Pages/Secretariat/SecretariatText.*.resx).</summary>
public sealed class SecretariatText;
