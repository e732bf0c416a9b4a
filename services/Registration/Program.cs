using Accreditation.Registration;
using Accreditation.ServiceDefaults;
using Accreditation.Registration.Commands;

if (args is ["ledger-key", .. var command])
    return LedgerKeyCommand.Run(command, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("registration");
builder.AddRegistrationService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapRegistrationApi();
app.Run();
return 0;
