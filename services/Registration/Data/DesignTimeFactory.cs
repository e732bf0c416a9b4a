using Accreditation.ServiceDefaults.Data;

namespace Accreditation.Registration.Data;

public sealed class DesignTimeFactory() : SqliteDesignTimeFactory<RegistrationDb>(options => new RegistrationDb(options));
