using Accreditation.Identity;
using Accreditation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("identity");
builder.AddIdentityService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapIdentityApi();
app.Run();
