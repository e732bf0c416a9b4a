using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Identity.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<IdentityDb>(options => new IdentityDb(options));
