using Npgsql;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Hosting;

/// <summary>
/// The portal's store is the shared hosting store plus the web app's own documents, added with
/// ConfigureMarten: their tables and the unique user name index exist once the portal has started.
/// </summary>
public sealed class PortalStoreTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_started_portal_has_the_web_documents_tables_and_a_unique_user_name()
    {
        _ = factory.Services; // starts the portal, which applies the schema before it serves
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'weakseg'", connection);
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        Assert.Contains("mt_events", names);
        Assert.Contains("mt_doc_projectsummary", names);
        Assert.Contains("mt_doc_useraccount", names);
        Assert.Contains("mt_doc_seedrecord", names);
        Assert.Contains("mt_doc_endedsession", names);
        Assert.Contains("mt_doc_lastsignin", names);
        await using var index = new NpgsqlCommand("select string_agg(indexdef, ' | ') from pg_indexes where schemaname = 'weakseg' and tablename = 'mt_doc_useraccount'", connection);
        var definitions = (string)(await index.ExecuteScalarAsync())!;
        Assert.Matches("CREATE UNIQUE INDEX [^|]*NormalizedUserName", definitions);
    }
}
