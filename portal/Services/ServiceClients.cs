using Accreditation.Portal.Auth;
using IdentityV1 = Accreditation.Identity.V1;
using NotificationsV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Portal.Services;

/// <summary>The services' generated gRPC clients, each call carrying the signed-in person's token.</summary>
public static class ServiceClients
{
    public static IServiceCollection AddServiceClients(this IServiceCollection services, PortalSettings options)
    {
        services.Add<IdentityV1.AccountService.AccountServiceClient>(options.Identity);
        services.Add<IdentityV1.StateClientService.StateClientServiceClient>(options.Identity);
        services.Add<IdentityV1.StateUserService.StateUserServiceClient>(options.Identity);
        services.Add<RegistrationV1.OrganizationService.OrganizationServiceClient>(options.Registration);
        services.Add<RegistrationV1.DialogueService.DialogueServiceClient>(options.Registration);
        services.Add<RegistrationV1.ApplicationService.ApplicationServiceClient>(options.Registration);
        services.Add<RegistrationV1.SecretariatService.SecretariatServiceClient>(options.Registration);
        services.Add<RegistrationV1.InvitationService.InvitationServiceClient>(options.Registration);
        services.Add<RegistrationV1.LedgerService.LedgerServiceClient>(options.Registration);
        services.Add<RegistrationV1.RepresentativeService.RepresentativeServiceClient>(options.Registration);
        services.Add<RegistrationV1.CommentService.CommentServiceClient>(options.Registration);
        services.Add<RegistrationV1.ObjectionReplyService.ObjectionReplyServiceClient>(options.Registration);
        services.Add<RegistrationV1.ProgrammeService.ProgrammeServiceClient>(options.Registration);
        services.Add<RegistrationV1.PanelService.PanelServiceClient>(options.Registration);
        services.Add<RegistrationV1.SpeakerService.SpeakerServiceClient>(options.Registration);
        services.Add<RegistrationV1.AttendanceService.AttendanceServiceClient>(options.Registration);
        // The public pages' calls go without a token, whoever is signed in: what they show is what anyone sees.
        services.AddAnonymous<RegistrationV1.PublicDialogueService.PublicDialogueServiceClient>(options.Registration);
        services.AddChairSummaryDownload(options.Registration);
        services.Add<ObjectionsV1.CirculationService.CirculationServiceClient>(options.Objections);
        services.Add<ObjectionsV1.ObjectionService.ObjectionServiceClient>(options.Objections);
        services.Add<NotificationsV1.InboxService.InboxServiceClient>(options.Notifications);
        services.Add<NotificationsV1.DeliveryService.DeliveryServiceClient>(options.Notifications);
        services.Add<NotificationsV1.LedgerWitnessService.LedgerWitnessServiceClient>(options.Notifications);
        return services;
    }

    static void Add<TClient>(this IServiceCollection services, Uri address) where TClient : class =>
        services.AddGrpcClient<TClient>(client => client.Address = address)
            .AddHttpMessageHandler<BearerTokenHandler>()
            // Written comments come back with their PDF attached.
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = MaxMessageSize);

    static void AddAnonymous<TClient>(this IServiceCollection services, Uri address) where TClient : class =>
        services.AddGrpcClient<TClient>(client => client.Address = address)
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = MaxMessageSize);

    const int MaxMessageSize = 32 * 1024 * 1024;
}
