using Accreditation.Registration.Api;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Errors;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.UnitTests.Registration.Programme;

/// <summary>Every programme enum value has its v1 counterpart of the same name, and back where requests carry it.</summary>
public sealed class ProgrammeEnumsTests
{
    static string Name<T>(T value) where T : struct, Enum => value.ToString().Replace("_", "").ToUpperInvariant();

    static void SameNames<TDomain, TContract>(Func<TDomain, TContract> map) where TDomain : struct, Enum where TContract : struct, Enum
    {
        var mapped = Enum.GetValues<TDomain>().Select(map).ToList();
        Assert.Equal(Enum.GetValues<TDomain>().Select(Name), mapped.Select(Name));
        Assert.Equal(Enum.GetValues<TContract>().Length - 1, mapped.Distinct().Count());
    }

    [Fact]
    public void Every_domain_value_maps_to_the_v1_value_of_its_name()
    {
        SameNames<ChairRole, V1.ChairRole>(r => r.ToContract());
        SameNames<AgendaItemKind, V1.AgendaItemKind>(k => k.ToContract());
        SameNames<PanellistStatus, V1.PanellistStatus>(s => s.ToContract());
        SameNames<FloorRequestStatus, V1.FloorRequestStatus>(s => s.ToContract());
        SameNames<OnBehalfStatus, V1.OnBehalfStatus>(s => s.ToContract());
        SameNames<ParticipationBasis, V1.ParticipationBasis>(b => b.ToContract());
    }

    [Fact]
    public void What_requests_carry_maps_back_and_an_unset_value_is_refused_naming_the_field()
    {
        foreach (var role in Enum.GetValues<ChairRole>())
            Assert.Equal(role, role.ToContract().ToDomain());
        foreach (var kind in Enum.GetValues<AgendaItemKind>())
            Assert.Equal(kind, kind.ToContract().ToDomain("kind"));
        Assert.False(Enum.IsDefined(V1.ChairRole.Unspecified.ToDomain()));
        Assert.Equal("kind", Assert.Throws<InvalidFieldException>(() => V1.AgendaItemKind.Unspecified.ToDomain("kind")).Field);
    }
}
