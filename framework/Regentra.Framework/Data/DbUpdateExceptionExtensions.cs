using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Regentra.Framework.Data;

public static class DbUpdateExceptionExtensions
{
    /// <summary>True when a unique index refused the write, on PostgreSQL (SQLSTATE 23505) or SQLite.</summary>
    public static bool IsUniqueConstraintViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException db
        && (db.SqlState == "23505" || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
