namespace Accreditation.ServiceDefaults.Hosting;

/// <summary>
/// The machine's real time, for infrastructure timing that must run at real speed even where
/// tests simulate the domain clock (the <see cref="TimeProvider"/> in DI): polling and pacing,
/// retries and backoff, leases, pruning, token lifetimes. Rules of the process never read it.
/// </summary>
/// <remarks>TimeProvider's own members are the system's clock; this type only gives it a name to inject by.</remarks>
public sealed class WallClock : TimeProvider;
