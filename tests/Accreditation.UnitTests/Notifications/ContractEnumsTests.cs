using Accreditation.Notifications.Api;
using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Errors;
using V1 = Accreditation.Notifications.V1;

namespace Accreditation.UnitTests.Notifications;

/// <summary>Every delivery state maps to the v1 state of its name and back; an unset state is refused naming the field.</summary>
public sealed class ContractEnumsTests
{
    [Fact]
    public void Delivery_states_map_both_ways_and_an_unset_state_is_refused()
    {
        foreach (var state in Enum.GetValues<DeliveryState>())
        {
            Assert.Equal(state.ToString(), state.ToContract().ToString());
            Assert.Equal(state, state.ToContract().ToDomain());
        }
        Assert.Equal(Enum.GetValues<V1.DeliveryState>().Length - 1, Enum.GetValues<DeliveryState>().Length);
        Assert.Equal("state", Assert.Throws<InvalidFieldException>(() => V1.DeliveryState.Unspecified.ToDomain()).Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DeliveryState)99).ToContract());
    }
}
