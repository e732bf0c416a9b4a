using Accreditation.Contracts;
using Accreditation.Registration.Api;
using Accreditation.Registration.Data;
using Accreditation.Registration.Messaging;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Registration.Background;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.Registration;

public static class RegistrationServiceExtensions
{
    public static WebApplicationBuilder AddRegistrationService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RegistrationDb, PostgreSqlRegistrationDb>("registration");
        builder.Services.AddSingleton<GroupCommit<RegistrationDb>>();
        builder.AddEventBus<RegistrationDb>("registration", consume => consume
            .On<ObjectionWindowClosed, ObjectionWindowClosedHandler>()
            .On<ObjectionFiled, ObjectionFiledLedgerHandler>()
            .On<ObjectionWithdrawn, ObjectionWithdrawnLedgerHandler>());
        builder.Services.AddSettings<Quotas>(Quotas.Section);
        builder.Services.AddSettings<RegistrationOptions>(RegistrationOptions.Section);
        builder.Services.AddSettings<RegistrationLinksOptions>(RegistrationLinksOptions.Section);
        builder.Services.AddSettings<GatewayOptions>(GatewayOptions.Section);
        builder.Services.AddEmailRecipientBudget();
        var ledger = LedgerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton(new LedgerKeyStore(ledger.KeysDirectory, ledger.Origin));
        // After AddServiceDatabase (the tables exist) and before anything appends.
        builder.Services.AddHostedService<LedgerTreeRepair>();
        builder.Services.AddHostedService<TreeHeadPublisher>();
        if (builder.Services.AddSettings<ServicesOptions>(builder.Configuration, ServicesOptions.Section).Notifications is { Length: > 0 } witness)
            builder.Services.AddGrpcClient<Accreditation.Notifications.V1.LedgerWitnessService.LedgerWitnessServiceClient>(o => o.Address = new Uri(witness));
        builder.Services.AddSingleton<LedgerWitnessClient>();
        builder.Services.AddHostedService<InformationDeadlineWatcher>();
        builder.Services.AddHostedService<RepresentativeRetentionWatcher>();
        builder.Services.AddGrpc()
            .AddServiceOptions<CommentsApi>(o => o.MaxReceiveMessageSize = CommentsApi.MaxMessageBytes)
            .AddServiceOptions<ProgrammeApi>(o => o.MaxReceiveMessageSize = CommentsApi.MaxMessageBytes)
            .AddServiceOptions<SpeakersApi>(o => o.MaxReceiveMessageSize = CommentsApi.MaxMessageBytes);
        return builder;
    }

    public static WebApplication MapRegistrationApi(this WebApplication app)
    {
        app.MapGrpcService<DialoguesApi>().RequireAuthorization();
        app.MapGrpcService<OrganizationsApi>().RequireAuthorization();
        app.MapGrpcService<InvitationsApi>().RequireAuthorization();
        app.MapGrpcService<ApplicationsApi>().RequireAuthorization();
        app.MapGrpcService<SecretariatApi>().RequireAuthorization();
        app.MapGrpcService<LedgerApi>().RequireAuthorization();
        app.MapGrpcService<RepresentativesApi>().RequireAuthorization();
        app.MapGrpcService<ObjectionRepliesApi>().RequireAuthorization();
        app.MapGrpcService<CommentsApi>().RequireAuthorization();
        app.MapGrpcService<ProgrammeApi>().RequireAuthorization();
        app.MapGrpcService<PanelsApi>().RequireAuthorization();
        app.MapGrpcService<SpeakersApi>().RequireAuthorization();
        app.MapGrpcService<AttendanceApi>().RequireAuthorization();
        // The dialogues' public pages and the join links: no account needed.
        app.MapGrpcService<PublicDialoguesApi>().AllowAnonymous();
        app.MapLedgerExport();
        app.MapLedgerKeys();
        app.MapChairSummary();
        return app;
    }
}
