using Accreditation.Standalone;

namespace Accreditation.FunctionalTests.Infrastructure;

/// <summary>The standalone host's listeners on ports the kernel hands out as free, for systems that run side by side in one test process.</summary>
public static class StandalonePorts
{
    public static Ports Free() => new(LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(),
        LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
}
