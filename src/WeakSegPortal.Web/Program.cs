using WeakSegPortal.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
app.UsePortal();
await app.RunAsync();

/// <summary>Entry point; public so that test hosts (WebApplicationFactory) can find it.</summary>
public partial class Program;
