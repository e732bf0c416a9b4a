using Accreditation.Registration;
using Accreditation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("registration");
builder.AddRegistrationService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapRegistrationApi();
app.Run();
