using Accreditation.Contracts;
using Accreditation.Notifications.Api;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Notifications.Background;

namespace Accreditation.Notifications;

public static class NotificationsServiceExtensions
{
    /// <summary>
    /// The notices database, the consumers of every event that produces a notice (or feeds the
    /// member directory, the accounts or the screening queue), the daily digest, and the e-mail
    /// channel when an SMTP server is configured (see <see cref="EmailSettings"/>, <see cref="RecipientsOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddNotificationsService(this WebApplicationBuilder builder)
    {
        var email = EmailSettings.Read(builder.Configuration);
        var digest = builder.Services.AddSettings<DigestOptions>(builder.Configuration, DigestOptions.Section);
        builder.Services.AddSingleton(email);
        builder.Services.AddSingleton(digest);
        builder.Services.AddSingleton(ConfiguredRecipients.From(builder.Configuration));
        var witness = LedgerWitnessSettings.From(builder.Configuration);
        builder.Services.AddSingleton(witness);

        builder.AddServiceDatabase<NotificationsDb, PostgreSqlNotificationsDb>("notifications");
        builder.AddEventBus<NotificationsDb>("notifications", consume =>
        {
            // Grouped: one per application, in bursts (a screening session, a window's decisions).
            consume
                .On<AccountRegistered, AccountRegisteredHandler>()
                .On<OrganizationMemberAdded, OrganizationMemberAddedHandler>()
                .OnGrouped<ApplicationSubmitted, ApplicationSubmittedHandler>()
                .OnGrouped<ApplicationScreened, ApplicationScreenedHandler>()
                .On<InformationRequested, InformationRequestedHandler>()
                .On<ApplicationsCirculated, ApplicationsCirculatedHandler>()
                .On<ObjectionFiled, ObjectionFiledHandler>()
                .On<ObjectionWithdrawn, ObjectionWithdrawnHandler>()
                .On<ObjectionDeadlineApproaching, ObjectionDeadlineApproachingHandler>()
                .On<ObjectionWindowClosed, ObjectionWindowClosedHandler>()
                .OnGrouped<ApplicationDecided, ApplicationDecidedHandler>()
                .On<ApplicationWithdrawn, ApplicationWithdrawnHandler>()
                .On<RepresentativeMovedUp, RepresentativeMovedUpHandler>()
                .On<ApplicationLapsed, ApplicationLapsedHandler>()
                .On<ObjectionReplySubmitted, ObjectionReplySubmittedHandler>()
                .On<CommentPublished, CommentPublishedHandler>()
                .On<RepresentativeNominated, RepresentativeNominatedHandler>()
                .On<PanellistInvited, PanellistInvitedHandler>()
                .On<ObjectionRaised, ObjectionRaisedHandler>()
                .On<EmailConfirmationRequested, EmailConfirmationRequestedHandler>()
                .On<SignUpRepeated, SignUpRepeatedHandler>()
                .On<MemberInvited, MemberInvitedHandler>()
                .On<PasswordResetRequested, PasswordResetRequestedHandler>()
                .On<StateUserInvited, StateUserInvitedHandler>()
                .On<AccountLanguageChanged, AccountLanguageChangedHandler>();
            if (witness.Enabled)
                consume.On<LedgerTreeHeadSigned, LedgerTreeHeadSignedHandler>();
        });
        if (witness.Enabled)
        {
            builder.Services.AddLedgerLogChannel(witness);
            builder.Services.AddScoped<LedgerLogClient>();
        }
        builder.Services.AddSingleton(NoticeTemplates.Embedded);
        builder.Services.AddSingleton(PortalLinks.From(builder.Services.AddSettings<NotificationLinksOptions>(builder.Configuration, NotificationLinksOptions.Section)));
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddScoped<NoticeWriter>();
        builder.Services.AddScoped<DirectEmail>();
        builder.Services.AddScoped<ScreeningQueue>();
        builder.Services.AddScoped<ScreeningDigest>();
        builder.Services.AddScoped<Inbox>();
        if (digest.Enabled)
            builder.Services.AddHostedService<ScreeningDigestService>();
        if (email.Enabled)
        {
            // Standalone: SMTP directly; with Dapr sidecars, the bindings.smtp output binding.
            if (email.DaprBinding is null)
                builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
            else
                builder.Services.AddDaprEmailSender(builder.Configuration.ReadSettings<DaprOptions>(DaprOptions.Section));
            builder.Services.AddHostedService<DeliverySender>();
        }
        return builder;
    }

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        app.MapGrpcService<InboxApi>().RequireAuthorization();
        app.MapGrpcService<DeliveriesApi>().RequireAuthorization();
        app.MapGrpcService<LedgerWitnessApi>().RequireAuthorization();
        return app;
    }
}
