using System.Text;
using Accreditation.Registration.V1;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The participant list as CSV (RFC 4180), one row per representative. A cell a spreadsheet
/// would read as a formula (starting with = + - @, or a tab or carriage return) is prefixed with a
/// quote: names and titles come from organizations, and must stay text when the file is opened.
/// </summary>
public static class ParticipantsCsv
{
    public static string Write(GetParticipantListResponse list, IReadOnlyList<string> header, Func<RepresentativeStatus, string> statusName,
        Func<StakeholderCategory, string> categoryName)
    {
        var csv = new StringBuilder();
        Row(csv, header);
        foreach (var organization in list.Organizations)
            foreach (var representative in organization.InPerson.Concat(organization.Online).Concat(organization.WaitingList))
                Row(csv, [
                    organization.Name, organization.Acronym, categoryName(organization.Category), organization.Country,
                    representative.FullName, representative.Title, representative.Email, statusName(representative.Status),
                    representative.WaitingPosition > 0 ? representative.WaitingPosition.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                ]);
        return csv.ToString();
    }

    static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
