namespace Accreditation.Portal.Pages.State;

/// <summary>The State pages' texts used from their page models (resources Pages/State/StateText.*.resx).</summary>
public sealed class StateText;
