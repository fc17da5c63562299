#!/usr/bin/python3
"""Independent expected values for the imaging tests, from pydicom, nibabel and Pillow.

Run with Debian's /usr/bin/python3 (python3-pydicom, python3-nibabel, python3-numpy, python3-pil).
Every command prints one JSON object on stdout. Voxel arrays are flattened x fastest, then y, then z.
"""
import json
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")


def out(obj):
    json.dump(obj, sys.stdout)


def dicom(path):
    import pydicom
    ds = pydicom.dcmread(path)
    arr = ds.pixel_array.astype(np.float64)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    spp = int(ds.SamplesPerPixel)
    if frames == 1:
        arr = arr[np.newaxis, ...]
    if spp == 3:
        pi = str(ds.PhotometricInterpretation)
        if pi.startswith("YBR"):
            arr = arr[..., 0]
        else:
            arr = 0.299 * arr[..., 0] + 0.587 * arr[..., 1] + 0.114 * arr[..., 2]
    slope = float(getattr(ds, "RescaleSlope", 1) or 1)
    intercept = float(getattr(ds, "RescaleIntercept", 0) or 0)
    arr = arr * slope + intercept
    result = {
        "rows": int(ds.Rows), "columns": int(ds.Columns), "frames": frames,
        "photometric": str(ds.PhotometricInterpretation),
        "modality": str(getattr(ds, "Modality", "")),
        "transferSyntax": str(ds.file_meta.TransferSyntaxUID),
        "studyUid": str(getattr(ds, "StudyInstanceUID", "")),
        "seriesUid": str(getattr(ds, "SeriesInstanceUID", "")),
        "values": arr.reshape(-1).tolist(),
    }
    if "ImagePositionPatient" in ds:
        result["position"] = [float(v) for v in ds.ImagePositionPatient]
    if "ImageOrientationPatient" in ds:
        result["orientation"] = [float(v) for v in ds.ImageOrientationPatient]
    if "PixelSpacing" in ds:
        result["pixelSpacing"] = [float(v) for v in ds.PixelSpacing]
    out(result)


def dicom_header(path):
    import pydicom
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    out({"rows": int(ds.Rows), "columns": int(ds.Columns),
         "frames": int(getattr(ds, "NumberOfFrames", 1) or 1),
         "position": [float(v) for v in ds.ImagePositionPatient] if "ImagePositionPatient" in ds else None,
         "orientation": [float(v) for v in ds.ImageOrientationPatient] if "ImageOrientationPatient" in ds else None,
         "pixelSpacing": [float(v) for v in ds.PixelSpacing] if "PixelSpacing" in ds else None,
         "instanceNumber": int(ds.InstanceNumber) if "InstanceNumber" in ds else None})


def nifti(path, stride):
    import nibabel as nib
    img = nib.load(path)
    data = img.get_fdata(dtype=np.float64)
    while data.ndim > 3:
        data = data[..., 0]
    while data.ndim < 3:
        data = data[..., np.newaxis]
    flat = data.reshape(-1, order="F")
    idx = list(range(0, flat.size, int(stride)))
    out({"shape": list(data.shape), "affine": img.affine.tolist(),
         "sum": float(flat.sum()), "min": float(flat.min()), "max": float(flat.max()),
         "sampleStride": int(stride), "samples": flat[idx].tolist()})


def make_series(folder, mode):
    """A series from CT_small: 5 slices, file names shuffled, InstanceNumber reversed, pixel values offset by slice."""
    import pydicom
    from pydicom.uid import generate_uid
    src = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files", "CT_small.dcm")
    os.makedirs(folder, exist_ok=True)
    series_uid = generate_uid()
    names = ["c.dcm", "a.dcm", "e.dcm", "b.dcm", "d.dcm"]
    z = [0.0, 2.5, 5.0, 7.5, 10.0]
    if mode == "uneven":
        z = [0.0, 2.5, 5.0, 10.0, 12.5]
    for k in range(5):
        ds = pydicom.dcmread(src)
        ds.SeriesInstanceUID = series_uid
        ds.SOPInstanceUID = generate_uid()
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-100.0, -120.0, z[k]]
        ds.InstanceNumber = 5 - k
        if mode == "tilted" and k == 3:
            ds.ImageOrientationPatient = [1, 0, 0, 0, 0.98, 0.198997]
        arr = ds.pixel_array.astype(np.int16) + np.int16(100 * k)
        ds.PixelData = arr.tobytes()
        ds.save_as(os.path.join(folder, names[k]))
    out({"files": names, "z": z})


def make_monochrome1(src, dst):
    import pydicom
    ds = pydicom.dcmread(src)
    ds.PhotometricInterpretation = "MONOCHROME1"
    ds.save_as(dst)
    out({"bitsStored": int(ds.BitsStored), "pixelRepresentation": int(ds.PixelRepresentation),
         "raw": ds.pixel_array.astype(np.float64).reshape(-1).tolist()})


def make_raster(folder):
    from PIL import Image
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(7)
    grey8 = rng.integers(0, 256, size=(20, 30), dtype=np.uint8)
    grey16 = rng.integers(0, 65536, size=(20, 30), dtype=np.uint16)
    rgb = rng.integers(0, 256, size=(20, 30, 3), dtype=np.uint8)
    Image.fromarray(grey8, mode="L").save(os.path.join(folder, "grey8.png"))
    Image.fromarray(grey16.astype(np.uint16), mode="I;16").save(os.path.join(folder, "grey16.png"))
    Image.fromarray(rgb, mode="RGB").save(os.path.join(folder, "rgb.png"))
    Image.fromarray(grey8, mode="L").save(os.path.join(folder, "grey8.tif"))
    Image.fromarray(grey16, mode="I;16").save(os.path.join(folder, "grey16.tif"))
    Image.fromarray(grey16.astype(">u2"), mode="I;16B").save(os.path.join(folder, "grey16be.tif"))
    Image.fromarray(grey8, mode="L").save(os.path.join(folder, "lzw.tif"), compression="tiff_lzw")
    Image.fromarray(grey8, mode="L").save(os.path.join(folder, "grey8.jpg"), quality=95)
    luminance = np.rint(0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2])
    jpeg = np.asarray(Image.open(os.path.join(folder, "grey8.jpg")).convert("L"), dtype=np.float64)
    png16 = np.asarray(Image.open(os.path.join(folder, "grey16.png")), dtype=np.float64)
    out({"width": 30, "height": 20,
         "grey8": grey8.astype(float).reshape(-1).tolist(),
         "grey16": grey16.astype(float).reshape(-1).tolist(),
         "png16AsReadByPillow": png16.reshape(-1).tolist(),
         "rgbLuminance": luminance.reshape(-1).tolist(),
         "jpegAsReadByPillow": jpeg.reshape(-1).tolist()})


def read_png(path):
    from PIL import Image
    im = Image.open(path)
    out({"mode": im.mode, "width": im.width, "height": im.height,
         "values": np.asarray(im, dtype=np.float64).reshape(-1).tolist()})


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"dicom": dicom, "dicom-header": dicom_header, "nifti": nifti, "make-series": make_series,
     "make-monochrome1": make_monochrome1, "make-raster": make_raster, "read-png": read_png}[command](*args)
