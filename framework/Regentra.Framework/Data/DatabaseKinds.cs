using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Regentra.Framework.Data;

/// <summary>Where our raw SQL takes a PostgreSQL-only form (array parameters, data-modifying WITH); all else is portable.</summary>
public static class DatabaseKinds
{
    public static bool IsPostgreSql(this DatabaseFacade database) => database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
