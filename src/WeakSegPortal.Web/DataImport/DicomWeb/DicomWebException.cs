namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>A DICOMweb server refused or garbled a request; the message is fit to show a project manager.</summary>
public sealed class DicomWebException(string message) : Exception(message);
