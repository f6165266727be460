using WebApp.Accounts;
using WebApp.Api.V2;
using WebApp.Cluster;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Limits;
using WebApp.Regions;
using WebApp.Streaming;
using WebApp.Transcription;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();
builder.AddCluster();
builder.AddAccounts();
builder.AddLimits();
builder.AddTranscription();
builder.AddRegions();
builder.AddStreaming();
builder.AddWebApp();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.UpgradeStoredTranscriptsAsync();

if (args.Contains(CreateApiKeyCommand.Name))
{
    return await CreateApiKeyCommand.RunAsync(app.Services, args);
}

app.UseWebApp();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
