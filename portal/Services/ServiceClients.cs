using Accreditation.ServiceDefaults.Configuration;
using Accreditation.Portal.Auth;
using IdentityV1 = Accreditation.Identity.V1;
using NotificationsV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.Portal.Services;

/// <summary>The services' generated gRPC clients, each call carrying the signed-in person's token, balanced over a service's replicas.</summary>
public static class ServiceClients
{
    public static IServiceCollection AddServiceClients(this IServiceCollection services, PortalSettings options)
    {
        services.Add<IdentityV1.AccountService.AccountServiceClient>(nameof(options.Identity), options.Identity);
        services.Add<IdentityV1.StateClientService.StateClientServiceClient>(nameof(options.Identity), options.Identity);
        services.Add<IdentityV1.StateUserService.StateUserServiceClient>(nameof(options.Identity), options.Identity);
        services.Add<RegistrationV1.OrganizationService.OrganizationServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.DialogueService.DialogueServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.ApplicationService.ApplicationServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.SecretariatService.SecretariatServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.InvitationService.InvitationServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.LedgerService.LedgerServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.RepresentativeService.RepresentativeServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.CommentService.CommentServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.ObjectionReplyService.ObjectionReplyServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.ProgrammeService.ProgrammeServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.PanelService.PanelServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.SpeakerService.SpeakerServiceClient>(nameof(options.Registration), options.Registration);
        services.Add<RegistrationV1.AttendanceService.AttendanceServiceClient>(nameof(options.Registration), options.Registration);
        // The public pages' calls go without a token, whoever is signed in: what they show is what anyone sees.
        services.AddAnonymous<RegistrationV1.PublicDialogueService.PublicDialogueServiceClient>(nameof(options.Registration), options.Registration);
        // A plain HTTP download: the first replica serves it.
        services.AddChairSummaryDownload(options.Registration[0]);
        services.Add<ObjectionsV1.CirculationService.CirculationServiceClient>(nameof(options.Objections), options.Objections);
        services.Add<ObjectionsV1.ObjectionService.ObjectionServiceClient>(nameof(options.Objections), options.Objections);
        services.Add<NotificationsV1.InboxService.InboxServiceClient>(nameof(options.Notifications), options.Notifications);
        services.Add<NotificationsV1.DeliveryService.DeliveryServiceClient>(nameof(options.Notifications), options.Notifications);
        services.Add<NotificationsV1.LedgerWitnessService.LedgerWitnessServiceClient>(nameof(options.Notifications), options.Notifications);
        return services;
    }

    static void Add<TClient>(this IServiceCollection services, string service, IReadOnlyList<Uri> replicas) where TClient : class =>
        services.AddReplicatedGrpcClient<TClient>(service, replicas)
            .AddHttpMessageHandler<BearerTokenHandler>()
            // Written comments come back with their PDF attached.
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = MaxMessageSize);

    static void AddAnonymous<TClient>(this IServiceCollection services, string service, IReadOnlyList<Uri> replicas) where TClient : class =>
        services.AddReplicatedGrpcClient<TClient>(service, replicas)
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = MaxMessageSize);

    const int MaxMessageSize = 32 * 1024 * 1024;
}
