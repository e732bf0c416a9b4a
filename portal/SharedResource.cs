namespace Accreditation.Portal;

/// <summary>Texts shared by every page (navigation, state names, validation and service errors): Resources/SharedResource.*.resx.</summary>
public sealed class SharedResource;
