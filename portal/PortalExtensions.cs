using Accreditation.Portal.Auth;
using Accreditation.Portal.Localization;
using Accreditation.Portal.Services;
using Accreditation.ServiceDefaults;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal;

public static class PortalExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var options = PortalSettings.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        // The standalone host lends its own clock first; otherwise the system's.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddTelemetry("portal");
        builder.Services.AddHealthChecks();

        builder.Services.AddPortalLocalization();
        // French and Spanish letters written as themselves, not as &#xE9; (smaller pages, readable source).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoders =>
            encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddScoped<EnumNames>();
        builder.Services.AddScoped<Errors.ServiceWords>();
        builder.Services.AddScoped<MyOrganization>();
        builder.Services.AddRazorPages(pages =>
            {
                pages.Conventions.Add(new CultureRouteConvention());
                pages.Conventions.AuthorizeFolder("/Organization", Roles.Organization);
                pages.Conventions.AuthorizeFolder("/Secretariat", PortalPolicies.Secretariat);
                pages.Conventions.AuthorizeFolder("/Officer", Roles.Officer);
                pages.Conventions.AuthorizeFolder("/Ledger", Roles.Auditor);
                pages.Conventions.AuthorizeFolder("/State", Roles.State);
                pages.Conventions.AuthorizeFolder("/Me");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(annotations =>
                annotations.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.UrlHelperFactory>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory, CultureUrlHelperFactory>();
        builder.Services.Configure<RouteOptions>(routes =>
        {
            routes.LowercaseUrls = true;
            routes.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint);
        });

        builder.Services.AddPortalSignIn(options);
        // The keys sit unencrypted in an owner-only folder (PrivateFiles), which the warning at every
        // first start would only repeat; a server protects them further (ProtectKeysWith*) where it can.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddServiceClients(options);

        // Behind the gateway (on loopback, or a network configured as known): the person's address
        // for Identity's sign-in throttle, and the scheme for secure cookies.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in options.KnownNetworks)
                forwarded.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => new UntranslatedTextLogging(
            sp.GetRequiredService<ResourceManagerStringLocalizerFactory>(), sp.GetRequiredService<ILogger<UntranslatedTextLogging>>()));
        return services;
    }

    static IServiceCollection AddPortalSignIn(this IServiceCollection services, PortalSettings options)
    {
        PrivateFiles.CreateDirectory(options.KeysDirectory);
        // Cookies and antiforgery tokens stay readable across restarts and by every replica sharing the folder.
        services.AddDataProtection().SetApplicationName("accreditation-portal").PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory));
        services.AddDistributedMemoryCache();
        services.AddSingleton<DistributedTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DistributedTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "accreditation-session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = DistributedTicketStore.Lifetime;
                cookie.SlidingExpiration = false;
                cookie.Events = new PortalCookieEvents();
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Organization, p => p.RequireRole(Roles.Organization))
            .AddPolicy(Roles.Officer, p => p.RequireRole(Roles.Officer))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Roles.State, p => p.RequireRole(Roles.State))
            .AddPolicy(PortalPolicies.Secretariat, p => p.RequireRole(Roles.Officer, Roles.Auditor));
        services.AddHttpClient<IdentityTokens>(http =>
            {
                // The token endpoint is plain HTTP: the first replica answers it.
                http.BaseAddress = options.Identity[0];
                http.Timeout = TimeSpan.FromSeconds(15);
            });
        services.AddHttpContextAccessor();
        services.AddTransient<BearerTokenHandler>();
        return services;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRequestLocalization(PortalCultures.Options());
        app.UseCulturePaths();
        // A refused or missing page is rendered in place, in the person's language, with its status kept.
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        app.MapPortalAssets();
        app.MapRazorPages();
        return app;
    }
}
