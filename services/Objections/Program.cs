using Accreditation.Objections;
using Accreditation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("objections");
builder.AddObjectionsService();
var app = builder.Build();
app.MapServiceDefaults();
app.MapObjectionsApi();
app.Run();
