using Accreditation.Notifications;
using Accreditation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("notifications");
builder.AddNotificationsService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapNotificationsApi();
app.Run();
