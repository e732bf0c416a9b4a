using Accreditation.Identity;
using Accreditation.ServiceDefaults;
using Accreditation.Identity.Commands;

if (args is ["staff", .. var command])
    return await StaffCommand.RunAsync(command, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity");
builder.AddIdentityService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapIdentityApi();
app.Run();
return 0;
